import pino from "pino";
import type { Role } from "@/lib/auth/actor";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import { createRouteWrapper } from "@/lib/http";
import type { RateLimiter } from "@/lib/http/rate-limit";
import { parseModel } from "@/lib/model-file/parse-model";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { importModel } from "@/lib/store/model-import";
import { MetricTypeCache } from "@/lib/telemetry/metric-type-cache";
import { telemetryRoutes, type TelemetryRoutes } from "@/lib/telemetry/telemetry-routes";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { insertTestKeys, testToken } from "@/lib/testing/test-keys";

/**
 * A scratch database with a small model and the four ingestion handlers on it, for integration
 * tests that post real bodies, behind the real API-key resolver: `bearer(role, scope)` names one of
 * the keys stored for every role and each of KEY_SCOPES.
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

/** Every role gets a key for each of these scopes (lib/testing/test-keys.ts). */
const KEY_SCOPES = ["", "acme", "acme/ops", "acme/sales", "acme/ops/payments"];

export interface TelemetryHarness {
  db: TestDatabase;
  pipeline: Pipeline;
  routes: TelemetryRoutes;
  close(): Promise<void>;
}

/**
 * `model` replaces HARNESS_MODEL when a test needs other units or indicators; `limiter` adds rate
 * limits; `serverUrl` as in createTestDatabase.
 */
export async function createTelemetryHarness(
  model = HARNESS_MODEL,
  options: { limiter?: RateLimiter; serverUrl?: string | null } = {},
): Promise<TelemetryHarness> {
  const { serverUrl, ...wrapper } = options;
  const db = await createTestDatabase({ serverUrl });
  await importModel(db, parseModel(model, "yaml"));
  await insertTestKeys(db.sql, KEY_SCOPES);
  const pipeline = new Pipeline(db);
  const telemetry = { db, pipeline, metricTypes: new MetricTypeCache(db.sql) };
  const withRoute = createRouteWrapper({ resolver: apiKeyResolver(async () => db.sql), log: pino({ level: "silent" }), ...wrapper });
  const close = async () => {
    await pipeline.close();
    await db.drop();
  };
  return { db, pipeline, routes: telemetryRoutes(withRoute, async () => telemetry), close };
}

export const bearer = (role: Role = "ingest", scope = "") => ({ authorization: `Bearer ${testToken(role, scope).token}` });

/** A POST to a handler as Next would give it one. */
export function post(path: string, body: string | Uint8Array | null, headers: Record<string, string>): Request {
  // Copied into a fresh ArrayBuffer: a Node Buffer may be a view on a shared pool, which BodyInit does not take.
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body: body instanceof Uint8Array ? new Uint8Array(body) : body,
    headers,
  });
}
