import pino from "pino";
import { ROLES, type Actor, type ActorResolver, type Role } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createRouteWrapper } from "@/lib/http";
import { parseModel } from "@/lib/model-file/parse-model";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { importModel } from "@/lib/store/model-import";
import { MetricTypeCache } from "@/lib/telemetry/metric-type-cache";
import { telemetryRoutes, type TelemetryRoutes } from "@/lib/telemetry/telemetry-routes";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * A scratch database with a small model and the four ingestion handlers on it, for integration
 * tests that post real bodies. Credentials here are `Bearer test:<role>:<scope>`.
 */
export const HARNESS_MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
  - path: acme/ops
    name: Operations
  - path: acme/ops/payments
    name: Payments
    indicators:
      - { key: latency-p99, name: p99 latency, unit: ms, direction: down }
      - { key: http-requests-total, name: Requests, unit: req/s, direction: up }
      - { key: queue-depth, name: Queue depth, unit: items, direction: down }
  - path: acme/sales
    name: Sales
    indicators:
      - { key: orders, name: Orders, unit: 1/min, direction: up }
`;

const testResolver: ActorResolver = {
  async resolve(request) {
    const header = request.headers.get("authorization");
    if (header === null) return { kind: "anonymous" };
    const match = /^Bearer test:([a-z]+):(.*)$/.exec(header);
    if (match === null || !(ROLES as readonly string[]).includes(match[1]!)) throw new AppError("unauthorized", "The API key is not valid");
    return { kind: "api_key", keyId: `test-${match[1]}`, role: match[1] as Role, scope: match[2]! } satisfies Actor;
  },
};

export interface TelemetryHarness {
  db: TestDatabase;
  pipeline: Pipeline;
  routes: TelemetryRoutes;
  close(): Promise<void>;
}

/** `model` replaces HARNESS_MODEL when a test needs other units or indicators. */
export async function createTelemetryHarness(model = HARNESS_MODEL): Promise<TelemetryHarness> {
  const db = await createTestDatabase();
  await importModel(db, parseModel(model, "yaml"));
  const pipeline = new Pipeline(db);
  const telemetry = { db, pipeline, metricTypes: new MetricTypeCache(db.sql) };
  const withRoute = createRouteWrapper({ resolver: testResolver, log: pino({ level: "silent" }) });
  return { db, pipeline, routes: telemetryRoutes(withRoute, async () => telemetry), close: () => db.drop() };
}

export const bearer = (role: Role = "ingester", scope = "") => ({ authorization: `Bearer test:${role}:${scope}` });

/** A POST to a handler as Next would give it one. */
export function post(path: string, body: string | Uint8Array | null, headers: Record<string, string>): Request {
  // Copied into a fresh ArrayBuffer: a Node Buffer may be a view on a shared pool, which BodyInit does not take.
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: body instanceof Uint8Array ? new Uint8Array(body) : body,
    headers,
  });
}
