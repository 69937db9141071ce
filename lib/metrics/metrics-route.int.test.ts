import { spawnSync } from "node:child_process";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/actor";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import { createRouteWrapper, type RouteHandler } from "@/lib/http";
import { gauge, jsonBody, resourceMetrics, at } from "@/lib/ingest/otlp/otel-fixtures";
import { writeRequestBody } from "@/lib/ingest/prometheus/remote-write-fixtures";
import { expositionProblems, sampleValue } from "@/lib/metrics/check-exposition";
import { EXPOSITION_CONTENT_TYPE } from "@/lib/metrics/exposition";
import { metricsRoute } from "@/lib/metrics/metrics-route";
import type { ScrapeAccess } from "@/lib/metrics/scrape-access";
import { scheduleDeadlines } from "@/lib/signals/schedule-deadlines";
import { bearer, createTelemetryHarness, post, type TelemetryHarness } from "@/lib/testing/telemetry-harness";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";
import { DAY, MINUTE } from "@/lib/vsm/types";

/**
 * `GET /api/metrics` over a real database: batches posted through the real ingestion handlers move
 * the counters, the gauges read from the database match the signals the batches raised, the
 * deadline worker's runs and escalations are counted, and only the metrics token, readers of the
 * whole model, or anyone on a public console may scrape.
 */
const TOKEN = "metrics-token-7f3a9c2e41b0";
const silent = pino({ level: "silent" });

let h: TelemetryHarness;
let scrape: RouteHandler;
let access: ScrapeAccess = { token: TOKEN, open: false };
let clock = Date.now();

beforeAll(async () => {
  h = await createTelemetryHarness();
  const resolver = apiKeyResolver(async () => h.db.sql);
  scrape = metricsRoute(createRouteWrapper({ resolver, log: silent }), {
    resolver,
    access: () => access,
    database: async () => h.db.sql,
    now: () => clock,
  });
});
afterAll(() => h.close());

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/metrics", { headers });

async function metricsText(): Promise<string> {
  const response = await scrape(get({ authorization: `Bearer ${TOKEN}` }));
  expect(response.status).toBe(200);
  return response.text();
}

/** Each named series' value in `after` minus that in `before` (a series absent counts as 0). */
function moved(before: string, after: string, series: readonly string[]): Record<string, number> {
  return Object.fromEntries(series.map((s) => [s, (sampleValue(after, s) ?? 0) - (sampleValue(before, s) ?? 0)]));
}

async function scalar(sql: string): Promise<number | null> {
  const [row] = await h.db.sql.query<{ v: number | string | null }>(sql);
  return row?.v === null || row?.v === undefined ? null : Number(row.v);
}

const promtool = spawnSync("promtool", ["--version"]).status === 0;

describe("GET /api/metrics after real ingestion", () => {
  const T0 = Math.floor((Date.now() - 2 * DAY) / MINUTE) * MINUTE;
  // p99 latency (lower is better) steps up by 8 at point 400 and stays there: one pain signal of acme/ops/payments (level 2).
  const values = syntheticSeries(seededRandom(11), { length: 700, change: { kind: "step", at: 400, size: 8 } }).values;

  it("counts a JSON batch's points, its stored observations, its latency, its filter steps and the signals it raised", async () => {
    const before = await metricsText();
    for (let i = 0; i < values.length; i += 100) {
      const items = values
        .slice(i, i + 100)
        .map((value, j) => ({ unit: "acme/ops/payments", indicator: "latency-p99", time: T0 + (i + j + 1) * MINUTE, value }));
      const response = await h.routes.observations(
        post("/api/v1/observations", JSON.stringify({ observations: items }), { "content-type": "application/json", ...bearer() }),
      );
      expect(response.status).toBe(200);
    }
    const after = await metricsText();
    const raised = await scalar(`SELECT count(*)::int AS v FROM "signal"`);
    expect(raised).toBeGreaterThan(0);
    expect(
      moved(before, after, [
        'vsm_ingest_observations_received_total{source="json"}',
        'vsm_ingest_observations_stored_total{source="json"}',
        'vsm_ingest_batch_duration_seconds_count{source="json"}',
        'vsm_ingest_batch_duration_seconds_bucket{source="json",le="+Inf"}',
        "vsm_filter_updates_total",
        "vsm_signals_raised_total",
      ]),
    ).toEqual({
      'vsm_ingest_observations_received_total{source="json"}': 700,
      'vsm_ingest_observations_stored_total{source="json"}': 700,
      'vsm_ingest_batch_duration_seconds_count{source="json"}': 7,
      'vsm_ingest_batch_duration_seconds_bucket{source="json",le="+Inf"}': 7,
      vsm_filter_updates_total: 700,
      vsm_signals_raised_total: raised,
    });
    expect(sampleValue(after, 'vsm_ingest_batch_duration_seconds_sum{source="json"}')).toBeGreaterThan(
      sampleValue(before, 'vsm_ingest_batch_duration_seconds_sum{source="json"}')!,
    );
    expect(expositionProblems(after)).toEqual([]);
  });

  it("reads the running signals by valence and holding level, and the deadline lag, from the database", async () => {
    const oldestDue = (await scalar(`SELECT (extract(epoch FROM min(at)) * 1000)::float8 AS v FROM "signal_deadline"`))!;
    clock = oldestDue + 90_000;
    const text = await metricsText();
    expect(sampleValue(text, 'vsm_signals_open{valence="pain",holder_level="2"}')).toBe(1);
    expect(text.match(/^vsm_signals_open\{/gm)).toHaveLength(1);
    expect(sampleValue(text, "vsm_deadline_lag_seconds")).toBe(90);
    expect(sampleValue(text, 'vsm_scrape_collector_success{collector="database"}')).toBe(1);
    clock = oldestDue - 1;
    expect(sampleValue(await metricsText(), "vsm_deadline_lag_seconds")).toBe(0);
  });

  it("counts the deadline worker's runs, failures and escalations, and the gauges follow the signal up a level", async () => {
    const escalateAt = (await scalar(
      `SELECT (extract(epoch FROM at) * 1000)::float8 AS v FROM "signal_deadline" d JOIN "signal" s ON s.id = d.signal_id
        WHERE d.kind = 'escalate' AND s.closed_at IS NULL`,
    ))!;
    const before = await metricsText();
    const worker = scheduleDeadlines(h.db, silent, { interval: DAY, now: () => escalateAt });
    await worker.last;
    worker.stop();
    const broken = { sql: { ...h.db.sql, transaction: () => Promise.reject(new Error("database away")) } };
    const failing = scheduleDeadlines(broken, silent, { interval: DAY });
    await failing.last;
    failing.stop();
    clock = escalateAt;
    const after = await metricsText();
    expect(
      moved(before, after, ["vsm_signal_escalations_total", "vsm_deadline_worker_runs_total", "vsm_deadline_worker_failures_total"]),
    ).toEqual({ vsm_signal_escalations_total: 1, vsm_deadline_worker_runs_total: 2, vsm_deadline_worker_failures_total: 1 });
    expect(sampleValue(after, 'vsm_signals_open{valence="pain",holder_level="1"}')).toBe(1);
    expect(sampleValue(after, 'vsm_signals_open{valence="pain",holder_level="2"}')).toBeUndefined();
    // The worker fired everything due at its clock: nothing is late at that instant.
    expect(sampleValue(after, "vsm_deadline_lag_seconds")).toBe(0);
  });

  it("counts OTLP and remote-write batches under their own source", async () => {
    const before = await metricsText();
    const otlp = resourceMetrics({ "vsm.unit": "acme/ops/payments" }, [gauge("queue.depth", [{ end: at(60), value: 14 }])]);
    const otlpResponse = await h.routes.otlp(
      post("/api/otlp/v1/metrics", JSON.stringify(jsonBody(otlp)), { "content-type": "application/json", ...bearer() }),
    );
    expect(otlpResponse.status).toBe(200);
    const samples = [0, 15_000].map((offset) => ({ value: 7, timestamp: Date.now() - 600_000 + offset }));
    const write = writeRequestBody([
      { labels: { __name__: "queue_depth", vsm_unit: "acme/ops/payments" }, samples },
      { labels: { __name__: "go_goroutines", instance: "a" }, samples: [{ value: 40, timestamp: Date.now() - 600_000 }] },
    ]);
    const writeResponse = await h.routes.remoteWrite(
      post("/api/v1/write", write, { "content-type": "application/x-protobuf", "content-encoding": "snappy", ...bearer() }),
    );
    expect(writeResponse.status).toBe(204);
    expect(
      moved(before, await metricsText(), [
        'vsm_ingest_observations_received_total{source="otlp"}',
        'vsm_ingest_observations_stored_total{source="otlp"}',
        'vsm_ingest_batch_duration_seconds_count{source="otlp"}',
        'vsm_ingest_observations_received_total{source="remote_write"}',
        'vsm_ingest_observations_stored_total{source="remote_write"}',
        'vsm_ingest_batch_duration_seconds_count{source="remote_write"}',
        'vsm_ingest_observations_received_total{source="json"}',
      ]),
    ).toEqual({
      'vsm_ingest_observations_received_total{source="otlp"}': 1,
      'vsm_ingest_observations_stored_total{source="otlp"}': 1,
      'vsm_ingest_batch_duration_seconds_count{source="otlp"}': 1,
      // Three samples arrived; the one without a unit was counted as unassigned, not stored.
      'vsm_ingest_observations_received_total{source="remote_write"}': 3,
      'vsm_ingest_observations_stored_total{source="remote_write"}': 2,
      'vsm_ingest_batch_duration_seconds_count{source="remote_write"}': 1,
      'vsm_ingest_observations_received_total{source="json"}': 0,
    });
  });

  it.skipIf(!promtool)("writes what `promtool check metrics` accepts without a complaint", async () => {
    const result = spawnSync("promtool", ["check", "metrics"], { input: await metricsText(), encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("who may scrape", () => {
  const asKey = (role: Role, scope: string) => scrape(get(bearer(role, scope)));

  it("answers the metrics token, and readers of the whole model (API key), in the exposition content type", async () => {
    access = { token: TOKEN, open: false };
    for (const response of [await scrape(get({ authorization: `Bearer ${TOKEN}` })), await asKey("viewer", ""), await asKey("admin", "")]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(EXPOSITION_CONTENT_TYPE);
      expect(await response.text()).toContain("# TYPE vsm_ingest_observations_received_total counter\n");
    }
  });

  it("refuses nobody and wrong tokens with 401, and readers of a subtree or ingest keys with 403, in the app's error shape", async () => {
    access = { token: TOKEN, open: false };
    const anonymous = await scrape(get());
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="vsm-console"');
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });
    const wrong = await scrape(get({ authorization: `Bearer ${TOKEN}x` }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("VSM_METRICS_TOKEN") } });
    for (const [role, scope] of [
      ["viewer", "acme"],
      ["operator", "acme/ops"],
      ["ingest", ""],
    ] as const) {
      const refused = await asKey(role, scope);
      expect(refused.status, `${role} of "${scope}"`).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
    }
  });

  it("accepts no token at all when none is set, and anyone when the metrics are public", async () => {
    access = { token: undefined, open: false };
    expect((await scrape(get({ authorization: `Bearer ${TOKEN}` }))).status).toBe(401);
    expect((await asKey("viewer", "")).status).toBe(200);
    access = { token: undefined, open: true };
    expect((await scrape(get())).status).toBe(200);
    access = { token: TOKEN, open: false };
  });
});
