import pino from "pino";
import { apiRoutes } from "@/lib/api/api-routes";
import type { Actor, ActorResolver, Grant } from "@/lib/auth/actor";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import { createRouteWrapper, type RouteHandler } from "@/lib/http";
import { raiseStoredSignal } from "@/lib/signals/raise-stored-signal";
import type { Database } from "@/lib/store/database";
import { systemByPath } from "@/lib/store/signals";
import type { RaiseInput, Signal } from "@/lib/vsm/algedonic/schemas";
import { createTelemetryHarness, HARNESS_MODEL, type TelemetryHarness } from "@/lib/testing/telemetry-harness";

/**
 * The REST handlers on a scratch database (lib/testing/telemetry-harness.ts: a model, an API key
 * for every role and scope, the ingestion handlers to feed it), behind the real API-key resolver —
 * and, for people, the actor a test names in a header, standing in for the session cookie (whose
 * resolution lib/auth tests on its own). The clock is the test's.
 */
export interface ApiHarness extends TelemetryHarness {
  api: ReturnType<typeof apiRoutes>;
  clock: { now: number };
}

const PERSON_HEADER = "x-test-person";

export async function createApiHarness(model = HARNESS_MODEL): Promise<ApiHarness> {
  const harness = await createTelemetryHarness(model);
  const keys = apiKeyResolver(async () => harness.db.sql);
  const resolver: ActorResolver = {
    async resolve(request): Promise<Actor> {
      const grants = request.headers.get(PERSON_HEADER);
      if (grants === null) return keys.resolve(request);
      return { kind: "user", userId: "u-test", email: "ann@acme.example", name: "Ann", grants: JSON.parse(grants) as Grant[] };
    },
  };
  const clock = { now: Date.now() };
  const withRoute = createRouteWrapper({ resolver, log: pino({ level: "silent" }) });
  const api = apiRoutes(withRoute, { database: async () => harness.db, now: () => clock.now });
  return { ...harness, api, clock };
}

/** A signed-in person with these grants, as request headers. */
export const person = (...grants: Grant[]) => ({ [PERSON_HEADER]: JSON.stringify(grants) });

/** Calls a handler as Next would: the URL (path and query), the method, the headers, a JSON body, the dynamic segments. */
export async function call(
  handler: RouteHandler,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; params?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const { method = options.body === undefined ? "GET" : "POST", headers = {}, body, params = {} } = options;
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.includes("json") && text !== "" ? JSON.parse(text) : text, headers: response.headers };
}

/** A signal raised and stored as an alert would raise it (no indicator), at `at`, on the unit at `unitPath`. */
export async function raiseTestSignal(
  db: Pick<Database, "sql">,
  unitPath: string,
  at: number,
  fields: Partial<Pick<RaiseInput, "kind" | "valence" | "band" | "indicator" | "provisional">> = {},
): Promise<Signal> {
  const system = await systemByPath(db.sql, unitPath);
  if (system === null) throw new Error(`no unit ${unitPath} in the test model`);
  return db.sql.transaction((tx) =>
    raiseStoredSignal(
      tx,
      {
        unitPath,
        indicator: "test-alert",
        kind: "alert",
        valence: "pain",
        band: "alert",
        actor: { type: "system", component: "test" },
        reason: "raised by a test",
        ...fields,
      },
      { systemId: system.id, indicatorId: null, externalAlertId: null, labels: {} },
      at,
    ),
  );
}
