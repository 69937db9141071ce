import { gzipSync } from "node:zlib";
import { compress } from "snappyjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gauge, protobufBody, resourceMetrics, at } from "@/lib/ingest/otlp/otel-fixtures";
import { writeRequestBody, writeRequestBytes } from "@/lib/ingest/prometheus/remote-write-fixtures";
import { createApiKey, revokeApiKey } from "@/lib/store/api-keys";
import type { TelemetryRoutes } from "@/lib/telemetry/telemetry-routes";
import { bearer, createTelemetryHarness, post, type TelemetryHarness } from "@/lib/testing/telemetry-harness";

/**
 * Bad input gets a clear error and stores nothing (docs/telemetry-in.md): one row per case and
 * endpoint, each checked for its status, an error that names the problem, and an unchanged
 * database — never a 5xx.
 */
let h: TelemetryHarness;
beforeAll(async () => {
  h = await createTelemetryHarness();
});
afterAll(() => h.close());

const NOW = Date.now();
const JSON_TYPE = { "content-type": "application/json" };
const PROTOBUF = { "content-type": "application/x-protobuf" };
const item = (extra: Record<string, unknown> = {}) => ({
  unit: "acme/ops/payments",
  indicator: "latency-p99",
  time: NOW - 60_000,
  value: 210,
  ...extra,
});
const batch = (...items: unknown[]) => JSON.stringify({ observations: items });

interface Case {
  name: string;
  route: keyof TelemetryRoutes;
  body: string | Uint8Array | null;
  headers: Record<string, string>;
  status: number;
  /** Something the answer must say: the error code, or a phrase of its message or details. */
  says?: RegExp;
}

const bigJson = batch(...Array.from({ length: 40_000 }, () => item({ unit: "acme/ops/payments/" + "x".repeat(60) })));

const cases: Case[] = [
  // POST /api/v1/observations
  {
    name: "malformed JSON",
    route: "observations",
    body: '{"observations": [',
    headers: { ...JSON_TYPE, ...bearer() },
    status: 400,
    says: /not valid JSON/,
  },
  {
    name: "wrong content type",
    route: "observations",
    body: batch(item()),
    headers: { "content-type": "text/plain", ...bearer() },
    status: 415,
    says: /application\/json/,
  },
  {
    name: "oversize body",
    route: "observations",
    body: bigJson,
    headers: { ...JSON_TYPE, ...bearer() },
    status: 413,
    says: /larger than the limit/,
  },
  {
    name: "not a batch object",
    route: "observations",
    body: "[1, 2]",
    headers: { ...JSON_TYPE, ...bearer() },
    status: 400,
    says: /observations array/,
  },
  {
    name: "unknown unit",
    route: "observations",
    body: batch(item({ unit: "acme/nowhere" })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /observations\[0\].*no unit ..acme\/nowhere/,
  },
  {
    name: "unknown indicator",
    route: "observations",
    body: batch(item(), item({ indicator: "nope", time: NOW - 1 })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /observations\[1\].*has no indicator ..nope/,
  },
  {
    name: "unknown indicator id",
    route: "observations",
    body: batch({ unit: "acme/ops/payments", indicatorId: 999_999, time: NOW, value: 1 }),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /indicator #999999/,
  },
  {
    name: "indicator id beyond a database integer",
    route: "observations",
    body: batch({ unit: "acme", indicatorId: 2 ** 40, time: NOW, value: 1 }),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /invalid_indicator/,
  },
  {
    name: "Infinity as a value (1e999)",
    route: "observations",
    body: '{"observations":[{"unit":"acme/ops/payments","indicator":"latency-p99","time":1,"value":1e999}]}',
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /finite number/,
  },
  {
    name: "NaN as a string",
    route: "observations",
    body: batch(item({ value: "NaN" })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /invalid_value/,
  },
  {
    name: "a string as a value",
    route: "observations",
    body: batch(item({ value: "212.5" })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /finite number/,
  },
  {
    name: "null as a value",
    route: "observations",
    body: batch(item({ value: null })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /finite number/,
  },
  {
    name: "a time far in the future",
    route: "observations",
    body: batch(item({ time: NOW + 7 * 86_400_000 })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /in the future/,
  },
  {
    name: "a time before 1970",
    route: "observations",
    body: batch(item({ time: "1969-12-31T23:59:59Z" })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /before 1970/,
  },
  {
    name: "one bad item among good ones",
    route: "observations",
    body: batch(item(), item({ time: NOW - 2 }), item({ value: "x", time: NOW - 3 })),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /observations\[2\]/,
  },
  { name: "no API key", route: "observations", body: batch(item()), headers: JSON_TYPE, status: 401, says: /unauthorized/ },
  {
    name: "an invalid API key",
    route: "observations",
    body: batch(item()),
    headers: { ...JSON_TYPE, authorization: "Bearer nonsense" },
    status: 401,
    says: /not valid/,
  },
  {
    name: "a key outside its subtree",
    route: "observations",
    body: batch(item()),
    headers: { ...JSON_TYPE, ...bearer("ingest", "acme/sales") },
    status: 403,
    says: /limited to ..acme\/sales/,
  },
  {
    name: "a key without the ingest permission",
    route: "observations",
    body: batch(item()),
    headers: { ...JSON_TYPE, ...bearer("viewer") },
    status: 403,
    says: /ingest/,
  },
  {
    name: "a malformed Idempotency-Key",
    route: "observations",
    body: batch(item()),
    headers: { ...JSON_TYPE, ...bearer(), "idempotency-key": "has spaces in it" },
    status: 400,
    says: /Idempotency-Key/,
  },

  // POST /api/otlp/v1/metrics
  {
    name: "malformed protobuf",
    route: "otlp",
    body: Uint8Array.of(0x0a, 0xff, 0xff, 0x01),
    headers: { ...PROTOBUF, ...bearer() },
    status: 400,
    says: /malformed/,
  },
  {
    name: "malformed OTLP/JSON",
    route: "otlp",
    body: "{not json",
    headers: { ...JSON_TYPE, ...bearer() },
    status: 400,
    says: /malformed OTLP\/JSON/,
  },
  {
    name: "JSON that is not OTLP",
    route: "otlp",
    body: '{"resourceMetrics": 5}',
    headers: { ...JSON_TYPE, ...bearer() },
    status: 400,
    says: /ExportMetricsServiceRequest/,
  },
  {
    name: "wrong content type",
    route: "otlp",
    body: "x",
    headers: { "content-type": "text/plain", ...bearer() },
    status: 415,
    says: /application\/x-protobuf/,
  },
  { name: "oversize body", route: "otlp", body: new Uint8Array(33 * 1024 * 1024), headers: { ...PROTOBUF, ...bearer() }, status: 413 },
  {
    name: "a gzip bomb (100 KiB that expands to 100 MiB)",
    route: "otlp",
    body: new Uint8Array(gzipSync(new Uint8Array(100 * 1024 * 1024))),
    headers: { ...PROTOBUF, "content-encoding": "gzip", ...bearer() },
    status: 413,
    says: /expands past the limit/,
  },
  {
    name: "a corrupt gzip body",
    route: "otlp",
    body: new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]),
    headers: { ...PROTOBUF, "content-encoding": "gzip", ...bearer() },
    status: 400,
    says: /not valid gzip/,
  },
  {
    name: "a content coding it does not decode",
    route: "otlp",
    body: "x",
    headers: { ...PROTOBUF, "content-encoding": "br", ...bearer() },
    status: 415,
    says: /Content-Encoding br/,
  },
  {
    name: "no API key",
    route: "otlp",
    body: protobufBody(resourceMetrics({ "vsm.unit": "acme/ops/payments" }, [gauge("queue.depth", [{ end: at(0), value: 1 }])])),
    headers: PROTOBUF,
    status: 401,
  },

  // POST /api/v1/write
  {
    name: "a body that is not snappy",
    route: "remoteWrite",
    body: writeRequestBytes([{ labels: { __name__: "up" }, samples: [{ value: 1, timestamp: NOW }] }]),
    headers: { ...PROTOBUF, ...bearer() },
    status: 400,
    says: /malformed snappy/,
  },
  {
    name: "snappy of garbage",
    route: "remoteWrite",
    body: compress(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff)),
    headers: { ...PROTOBUF, ...bearer() },
    status: 400,
    says: /malformed remote-write protobuf/,
  },
  {
    name: "a snappy body that expands past the limit",
    route: "remoteWrite",
    body: compress(new Uint8Array(40 * 1024 * 1024)),
    headers: { ...PROTOBUF, ...bearer() },
    status: 413,
    says: /expands to/,
  },
  {
    name: "wrong content type",
    route: "remoteWrite",
    body: "x",
    headers: { "content-type": "application/json", ...bearer() },
    status: 415,
  },
  {
    name: "a unit outside the key's subtree",
    route: "remoteWrite",
    body: writeRequestBody([
      { labels: { __name__: "queue_depth", vsm_unit: "acme/ops/payments" }, samples: [{ value: 1, timestamp: NOW }] },
    ]),
    headers: { ...PROTOBUF, ...bearer("ingest", "acme/sales") },
    status: 403,
    says: /outside what this sender may write to/,
  },
  { name: "no API key", route: "remoteWrite", body: writeRequestBody([]), headers: PROTOBUF, status: 401 },

  // POST /api/v2/alerts
  {
    name: "not an array",
    route: "alerts",
    body: '{"labels": {}}',
    headers: { ...JSON_TYPE, ...bearer() },
    status: 400,
    says: /array of alerts/,
  },
  {
    name: "an alert without labels",
    route: "alerts",
    body: '[{"annotations": {}}]',
    headers: { ...JSON_TYPE, ...bearer() },
    status: 422,
    says: /labels/,
  },
  {
    name: "a NUL in a label value",
    route: "alerts",
    body: JSON.stringify([{ labels: { alertname: "x", vsm_unit: "acme", bad: "a\u0000b" } }]),
    headers: { ...JSON_TYPE, ...bearer() },
    status: 400,
    says: /not valid text/,
  },
  {
    name: "a unit outside the key's subtree",
    route: "alerts",
    body: JSON.stringify([{ labels: { alertname: "x", vsm_unit: "acme/ops" } }]),
    headers: { ...JSON_TYPE, ...bearer("ingest", "acme/sales") },
    status: 403,
  },
  { name: "wrong content type", route: "alerts", body: "[]", headers: { "content-type": "text/plain", ...bearer() }, status: 415 },
  {
    name: "a gzip bomb",
    route: "alerts",
    body: new Uint8Array(gzipSync(new Uint8Array(50 * 1024 * 1024))),
    headers: { ...JSON_TYPE, "content-encoding": "gzip", ...bearer() },
    status: 413,
  },
  { name: "no API key", route: "alerts", body: "[]", headers: JSON_TYPE, status: 401 },
];

/** Everything a bad request could have written. */
async function snapshot(): Promise<Record<string, number>> {
  const [row] = await h.db.sql.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM observation)::int AS observations, (SELECT count(*) FROM filter_cursor)::int AS cursors,
            (SELECT count(*) FROM rollup)::int AS rollups, (SELECT count(*) FROM rollup_journal)::int AS journal, (SELECT count(*) FROM external_alert)::int AS alerts,
            (SELECT count(*) FROM counter_memory)::int AS memory, (SELECT count(*) FROM idempotent_request)::int AS keys`,
  );
  return row!;
}

describe("bad input", () => {
  it.each(cases.map((c) => [`${c.route}: ${c.name}`, c] as const))("%s → clear error, nothing stored", async (_name, c) => {
    const before = await snapshot();
    const response = await h.routes[c.route](post(`/${c.route}`, c.body, c.headers));
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(c.status);
    const answer = JSON.parse(text) as { error: { code: string; message: string } };
    expect(answer.error.message.length).toBeGreaterThan(10);
    if (c.says) expect(text).toMatch(c.says);
    expect(await snapshot()).toEqual(before);
  });
});

describe("revoked and unknown keys", () => {
  it.each(["observations", "otlp", "remoteWrite", "alerts"] as const)(
    "%s: 401 for a revoked key and for an unknown one, nothing stored",
    async (route) => {
      const { id, token } = await createApiKey(h.db.sql, { name: "soon revoked", role: "ingest", scope: "" }, "cli:test");
      await revokeApiKey(h.db.sql, id, "cli:test");
      const unknown = token.replace(id, "feedfacefeedface");
      const before = await snapshot();
      for (const [key, says] of [
        [token, `The API key ${id} was revoked`],
        [unknown, "The API key is not valid"],
      ]) {
        const response = await h.routes[route](post(`/${route}`, "[]", { ...JSON_TYPE, authorization: `Bearer ${key}` }));
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe('Bearer realm="vsm-console"');
        expect(((await response.json()) as { error: { message: string } }).error.message).toContain(says);
      }
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe("bad input that is still counted", () => {
  it("counts the unknown items of a rejected JSON batch as unassigned, storing none of the batch", async () => {
    const before = await snapshot();
    const body = batch(
      item({ unit: "acme/ghost", indicator: "cpu" }),
      item({ unit: "acme/ghost", indicator: "cpu", time: NOW - 5 }),
      item({ time: NOW - 7 }),
    );
    const response = await h.routes.observations(post("/x", body, { ...JSON_TYPE, ...bearer() }));
    expect(response.status).toBe(422);
    expect(await snapshot()).toEqual(before);
    const [row] = await h.db.sql.query<{ count: number; reason: string }>(
      `SELECT count::int AS count, reason FROM unassigned_point WHERE source = 'json' AND unit_path = 'acme/ghost' AND indicator_key = 'cpu'`,
    );
    expect(row).toEqual({ count: 2, reason: "unknown_unit" });
  });

  it("takes the valid alerts of a body with an invalid one (Alertmanager's 400), storing those", async () => {
    const body = JSON.stringify([{ labels: { alertname: "Up", vsm_unit: "acme/ops" } }, { labels: {} }]);
    const response = await h.routes.alerts(post("/x", body, { ...JSON_TYPE, ...bearer() }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { details: { stored: { created: 1 }, alerts: [{ path: "alerts[1]" }] } } });
  });

  it("stores a duplicate point in one batch once (the last value wins)", async () => {
    const t = NOW - 30_000;
    const response = await h.routes.observations(
      post("/x", batch(item({ time: t, value: 1 }), item({ time: t, value: 2 })), { ...JSON_TYPE, ...bearer() }),
    );
    expect(await response.json()).toMatchObject({ received: 2, stored: 1, superseded: 1 });
    const rows = await h.db.sql.query<{ value: number }>(
      `SELECT value FROM observation WHERE observed_at = to_timestamp($1::float8 / 1000)`,
      [t],
    );
    expect(rows).toEqual([{ value: 2 }]);
  });
});
