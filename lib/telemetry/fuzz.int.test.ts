import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileNumber, mutated } from "@/lib/ingest/fuzz-helpers";
import { gauge, protobufBody, resourceMetrics, sum, at } from "@/lib/ingest/otlp/otel-fixtures";
import { writeRequestBody } from "@/lib/ingest/prometheus/remote-write-fixtures";
import type { TelemetryRoutes } from "@/lib/telemetry/telemetry-routes";
import { bearer, createTelemetryHarness, post, type TelemetryHarness } from "@/lib/testing/telemetry-harness";

/**
 * No input may produce a 5xx: a few thousand random and mutated bodies, most of them close enough
 * to valid to reach the database, sent to every ingestion endpoint with random content types.
 */
let h: TelemetryHarness;
beforeAll(async () => {
  h = await createTelemetryHarness();
});
afterAll(() => h.close());

const NOW = Date.now();
const RUNS = 750;
const units = fc.constantFrom("acme", "acme/ops", "acme/ops/payments", "acme/sales", "acme/ghost", "", "Acme/Ops", "a".repeat(300));
const keys = fc.constantFrom("latency-p99", "queue-depth", "orders", "http-requests-total", "nope", "", "Bad Key", "x".repeat(70));
const times = fc.oneof(
  fc.integer({ min: -3_600, max: 60 }).map((s) => NOW + s * 1000),
  hostileNumber,
  fc.string(),
);
const text = fc.string({ unit: "binary", maxLength: 40 });

const jsonItem = fc.record(
  {
    unit: fc.oneof(units, fc.anything()),
    indicator: fc.oneof(keys, fc.anything()),
    indicatorId: fc.oneof(fc.integer(), hostileNumber),
    time: times,
    value: fc.oneof(hostileNumber, fc.anything()),
  },
  { requiredKeys: [] },
);
/** Items that are valid but for the odd hostile number: batches of these reach the pipeline. */
const plausibleItem = fc.record({
  unit: fc.oneof({ arbitrary: fc.constant("acme/ops/payments"), weight: 30 }, { arbitrary: fc.constant("acme/ghost"), weight: 1 }),
  indicator: fc.constantFrom("latency-p99", "queue-depth"),
  time: fc.integer({ min: -3_600, max: 60 }).map((s) => NOW + s * 1000),
  value: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), hostileNumber),
});
const jsonBatch = fc.oneof(
  fc.record({ observations: fc.array(plausibleItem, { minLength: 1, maxLength: 20 }) }).map((b) => JSON.stringify(b)),
  fc.record({ observations: fc.array(plausibleItem, { minLength: 1, maxLength: 20 }) }).map((b) => JSON.stringify(b)),
  fc.record({ observations: fc.array(fc.oneof(jsonItem, jsonItem, fc.anything()), { maxLength: 12 }) }).map((b) => JSON.stringify(b)),
  fc.anything().map((v) => JSON.stringify(v) ?? "null"),
  text,
);

const otlpBody = fc
  .record({
    unit: units,
    name: fc.oneof(
      keys.map((k) => k.replaceAll("-", ".")),
      text,
    ),
    kind: fc.constantFrom("gauge", "counter", "delta"),
    value: hostileNumber,
    seconds: fc.integer({ min: -86_400, max: 86_400 * 400 }),
  })
  .map(({ unit, name, kind, value, seconds }) => {
    const point = [{ end: at(seconds), value }];
    const metric = kind === "gauge" ? gauge(name, point) : sum(name, kind === "counter" ? "cumulative" : "delta", true, point);
    return protobufBody(resourceMetrics({ "vsm.unit": unit }, [metric]));
  });

const remoteWriteBody = fc
  .array(
    fc.record({
      labels: fc.record(
        {
          __name__: fc.oneof(
            keys.map((k) => k.replaceAll("-", "_")),
            text,
          ),
          vsm_unit: units,
        },
        { requiredKeys: [] },
      ),
      samples: fc.array(
        fc.record({
          value: hostileNumber,
          timestamp: fc.oneof(
            fc.integer({ min: -600, max: 60 }).map((s) => NOW + s * 1000),
            fc.integer(),
          ),
        }),
        {
          maxLength: 4,
        },
      ),
    }),
    { maxLength: 5 },
  )
  .map((series) => writeRequestBody(series));

const plausibleAlert = fc.record({
  labels: fc.record({ alertname: fc.constantFrom("HighLatency", "Down"), vsm_unit: units, severity: text }),
  startsAt: fc.integer({ min: -3_600, max: 0 }).map((s) => new Date(NOW + s * 1000).toISOString()),
  endsAt: fc.integer({ min: -60, max: 600 }).map((s) => new Date(NOW + s * 1000).toISOString()),
});
const alertsBody = fc.oneof(
  fc.array(plausibleAlert, { maxLength: 4 }).map((a) => JSON.stringify(a)),
  fc
    .array(
      fc.record(
        {
          labels: fc.oneof(fc.record({ alertname: text, vsm_unit: units }, { requiredKeys: [] }), fc.dictionary(text, text), fc.anything()),
          annotations: fc.oneof(fc.dictionary(text, text), fc.anything()),
          startsAt: fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.anything(),
          ),
          endsAt: fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.anything(),
          ),
          generatorURL: fc.oneof(fc.webUrl(), text),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    )
    .map((a) => JSON.stringify(a)),
  fc.anything().map((v) => JSON.stringify(v) ?? "null"),
);

const contentTypes = (usual: string) =>
  fc.oneof(
    fc.constant(usual),
    fc.constant(usual),
    fc.constant(usual),
    fc.constantFrom("application/json", "application/x-protobuf", "text/plain", ""),
  );
const bytes = (s: string) => new TextEncoder().encode(s);

async function expectNo5xx(route: keyof TelemetryRoutes, body: fc.Arbitrary<Uint8Array>, usualType: string): Promise<void> {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(body, contentTypes(usualType), async (payload, type) => {
      const headers: Record<string, string> = { ...bearer() };
      if (type !== "") headers["content-type"] = type;
      const response = await h.routes[route](post("/fuzz", payload, headers));
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, await response.text()).toBeLessThan(500);
    }),
    { numRuns: RUNS },
  );
  // Guard against a vacuous pass: some bodies got through to the database, some were refused.
  expect(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  ).toBe(true);
  expect(
    [...statuses.keys()].some((s) => s >= 400),
    JSON.stringify([...statuses]),
  ).toBe(true);
}

describe("every ingestion endpoint on random and mutated bodies", () => {
  it(
    "JSON batch: never a 5xx",
    () => expectNo5xx("observations", fc.oneof(jsonBatch.map(bytes), mutated(jsonBatch.map(bytes))), "application/json"),
    120_000,
  );
  it("OTLP: never a 5xx", () => expectNo5xx("otlp", fc.oneof(otlpBody, mutated(otlpBody)), "application/x-protobuf"), 120_000);
  it(
    "remote-write: never a 5xx",
    () => expectNo5xx("remoteWrite", fc.oneof(remoteWriteBody, mutated(remoteWriteBody)), "application/x-protobuf"),
    120_000,
  );
  it(
    "alerts: never a 5xx",
    () => expectNo5xx("alerts", fc.oneof(alertsBody.map(bytes), mutated(alertsBody.map(bytes))), "application/json"),
    120_000,
  );
});
