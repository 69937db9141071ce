import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportMetricsServiceResponse } from "@/lib/ingest/otlp/read-otlp-protobuf";
import { gauge, jsonBody, protobufBody, resourceMetrics, sum, at, T0 } from "@/lib/ingest/otlp/otel-fixtures";
import { writeRequestBody } from "@/lib/ingest/prometheus/remote-write-fixtures";
import { recentAudit } from "@/lib/store/audit-events";
import { readSignal } from "@/lib/store/signals";
import { testToken } from "@/lib/testing/test-keys";
import { bearer, createTelemetryHarness, post, type TelemetryHarness } from "@/lib/testing/telemetry-harness";

let h: TelemetryHarness;
beforeAll(async () => {
  h = await createTelemetryHarness();
});
afterAll(() => h.close());

const NOW = Date.now();
const json = (body: unknown) => JSON.stringify(body);
const JSON_TYPE = { "content-type": "application/json" };
const item = (i: number, extra: Record<string, unknown> = {}) => ({
  unit: "acme/ops/payments",
  indicator: "latency-p99",
  time: NOW - 3_600_000 + i * 1_000,
  value: 200 + (i % 7),
  ...extra,
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await h.db.sql.query<{ n: number }>(sql, params);
  return Number(row?.n ?? 0);
}
const observations = (key: string) =>
  count(`SELECT count(*)::int AS n FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.key = $1`, [key]);

describe("POST /api/v1/observations", () => {
  it("stores a batch, steps the filter and answers with what happened", async () => {
    const body = { observations: Array.from({ length: 50 }, (_, i) => item(i)) };
    const response = await h.routes.observations(post("/api/v1/observations", json(body), { ...JSON_TYPE, ...bearer() }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 50, stored: 50, duplicates: 0, superseded: 0, stepped: 50, events: 0 });
    expect(await observations("latency-p99")).toBe(50);
    const [audit] = await recentAudit(h.db.sql, 1);
    expect(audit).toMatchObject({
      actor: `key:${testToken("ingest", "").id}`,
      action: "telemetry.write",
      detail: { source: "json", points: 50, stored: 50, stepped: 50 },
    });
  });

  it("answers a retried batch with the same Idempotency-Key from the first answer, storing nothing twice", async () => {
    const body = json({ observations: [item(100), item(101)] });
    const headers = { ...JSON_TYPE, ...bearer(), "idempotency-key": "batch-7f3a" };
    const first = await h.routes.observations(post("/api/v1/observations", body, headers));
    const again = await h.routes.observations(post("/api/v1/observations", body, headers));
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await observations("latency-p99")).toBe(52);
  });

  it("refuses the same Idempotency-Key for a different batch (422) and stores nothing", async () => {
    const headers = { ...JSON_TYPE, ...bearer(), "idempotency-key": "batch-7f3a" };
    const response = await h.routes.observations(post("/api/v1/observations", json({ observations: [item(102)] }), headers));
    expect(response.status).toBe(422);
    expect((await response.json()).error.details[0].path).toBe("headers.idempotency-key");
    expect(await observations("latency-p99")).toBe(52);
  });

  it("answers concurrent retries with one stored batch", async () => {
    const body = json({ observations: [item(200), item(201), item(202)] });
    const headers = { ...JSON_TYPE, ...bearer(), "idempotency-key": "concurrent-1" };
    const answers = await Promise.all(Array.from({ length: 4 }, () => h.routes.observations(post("/api/v1/observations", body, headers))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(3);
    expect(await observations("latency-p99")).toBe(55);
  });
});

describe("POST /api/otlp/v1/metrics", () => {
  const metrics = (unit: string) =>
    resourceMetrics({ "vsm.unit": unit, "service.name": "payments" }, [
      gauge("queue.depth", [{ end: at(0), value: 12 }]),
      sum("http.requests.total", "cumulative", true, [{ end: at(0), value: 1_000 }]),
      gauge("not.in.model", [{ end: at(0), value: 1 }]),
    ]);

  it("stores protobuf exports, rates counters across requests and reports the unknown metric as a partial success", async () => {
    const first = await h.routes.otlp(
      post("/api/otlp/v1/metrics", protobufBody(metrics("acme/ops/payments")), { "content-type": "application/x-protobuf", ...bearer() }),
    );
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/x-protobuf");
    const answer = ExportMetricsServiceResponse.toObject(ExportMetricsServiceResponse.decode(new Uint8Array(await first.arrayBuffer())), {
      longs: Number,
    });
    expect(answer.partialSuccess).toMatchObject({ rejectedDataPoints: 1, errorMessage: expect.stringContaining("unknown_indicator") });
    expect(await observations("queue-depth")).toBe(1);
    // The counter's first point only sets its baseline; the next export gives a rate.
    expect(await observations("http-requests-total")).toBe(0);
    const later = resourceMetrics({ "vsm.unit": "acme/ops/payments", "service.name": "payments" }, [
      sum("http.requests.total", "cumulative", true, [{ end: at(10), value: 1_500 }]),
    ]);
    const second = await h.routes.otlp(
      post("/api/otlp/v1/metrics", protobufBody(later), { "content-type": "application/x-protobuf", ...bearer() }),
    );
    expect(second.status).toBe(200);
    const [rate] = await h.db.sql.query<{ value: number; t: number }>(
      `SELECT value, (extract(epoch FROM observed_at) * 1000)::float8 AS t FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.key = 'http-requests-total'`,
    );
    expect(rate).toEqual({ value: 50, t: T0 + 10_000 });
    expect(await count(`SELECT count::int AS n FROM unassigned_point WHERE source = 'otlp' AND indicator_key = 'not-in-model'`)).toBe(1);
  });

  it("takes OTLP/JSON and answers in JSON", async () => {
    const body = resourceMetrics({ "vsm.unit": "acme/ops/payments" }, [gauge("queue.depth", [{ end: at(60), value: 14 }])]);
    const response = await h.routes.otlp(post("/api/otlp/v1/metrics", json(jsonBody(body)), { ...JSON_TYPE, ...bearer() }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await observations("queue-depth")).toBe(2);
  });

  it("rejects the points of units outside the key's scope as a partial success and stores the rest", async () => {
    const mixed = {
      resourceMetrics: [
        ...(
          jsonBody(resourceMetrics({ "vsm.unit": "acme/ops/payments" }, [gauge("queue.depth", [{ end: at(120), value: 15 }])])) as {
            resourceMetrics: unknown[];
          }
        ).resourceMetrics,
        ...(
          jsonBody(resourceMetrics({ "vsm.unit": "acme/sales" }, [gauge("orders", [{ end: at(120), value: 3 }])])) as {
            resourceMetrics: unknown[];
          }
        ).resourceMetrics,
      ],
    };
    const response = await h.routes.otlp(post("/api/otlp/v1/metrics", json(mixed), { ...JSON_TYPE, ...bearer("ingest", "acme/ops") }));
    expect(response.status).toBe(200);
    expect((await response.json()).partialSuccess).toMatchObject({
      rejectedDataPoints: "1",
      errorMessage: expect.stringContaining("outside what this sender may write to"),
    });
    expect(await observations("queue-depth")).toBe(3);
    expect(await observations("orders")).toBe(0);
  });
});

describe("POST /api/v1/write", () => {
  const headers = { "content-type": "application/x-protobuf", "content-encoding": "snappy", ...bearer() };

  it("stores gauges, keeps counter memory across requests, counts series without a unit, and answers 204", async () => {
    const t = NOW - 600_000;
    const body = (offset: number, total: number) =>
      writeRequestBody([
        {
          labels: { __name__: "queue_depth", vsm_unit: "acme/ops/payments", instance: "a" },
          samples: [{ value: 7, timestamp: t + offset }],
        },
        { labels: { __name__: "orders_total", vsm_unit: "acme/sales" }, samples: [{ value: total, timestamp: t + offset }] },
        { labels: { __name__: "go_goroutines", instance: "a" }, samples: [{ value: 40, timestamp: t + offset }] },
      ]);
    expect((await h.routes.remoteWrite(post("/api/v1/write", body(0, 100), headers))).status).toBe(204);
    expect((await h.routes.remoteWrite(post("/api/v1/write", body(15_000, 130), headers))).status).toBe(204);
    expect(await observations("orders")).toBe(0); // orders-total is not an indicator of acme/sales: unassigned
    expect(await count(`SELECT count::int AS n FROM unassigned_point WHERE source = 'prometheus' AND indicator_key = 'orders-total'`)).toBe(
      1,
    );
    expect(
      await count(
        `SELECT count::int AS n FROM unassigned_point WHERE source = 'prometheus' AND unit_path = '' AND indicator_key = 'go-goroutines'`,
      ),
    ).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM counter_memory`)).toBeGreaterThanOrEqual(1);
    expect(await observations("queue-depth")).toBe(5);
  });

  it("takes the bodies a real Prometheus 2.42 sent", async () => {
    const dir = path.join(import.meta.dirname, "../ingest/prometheus/fixtures");
    for (const name of [
      "prometheus-2.42-metadata.bin",
      "prometheus-2.42-scrape-a.bin",
      "prometheus-2.42-scrape-b.bin",
      "prometheus-2.42-stale.bin",
    ]) {
      const response = await h.routes.remoteWrite(post("/api/v1/write", readFileSync(path.join(dir, name)), headers));
      expect(response.status, name).toBe(204);
    }
  });
});

describe("POST /api/v2/alerts", () => {
  it("stores firing alerts as external alerts of their unit and resolves them by a later endsAt", async () => {
    const alert = (endsAt: string) => [
      {
        labels: { alertname: "HighLatency", vsm_unit: "acme/ops/payments", severity: "page" },
        annotations: { summary: "p99 above 500 ms" },
        startsAt: new Date(NOW - 60_000).toISOString(),
        endsAt,
        generatorURL: "http://prometheus:9090/graph?g0.expr=x",
      },
    ];
    const firing = await h.routes.alerts(
      post("/api/v2/alerts", json(alert(new Date(NOW + 240_000).toISOString())), { ...JSON_TYPE, ...bearer() }),
    );
    expect(firing.status).toBe(200);
    expect(await firing.json()).toMatchObject({ received: 1, created: 1, updated: 0 });
    // The firing alert is a pain signal of its unit, open from the alert's start, in the crisis band for severity "page".
    const [raised] = await h.db.sql.query<{ id: string }>(`SELECT id FROM "signal" WHERE external_alert_id IS NOT NULL`);
    expect(await readSignal(h.db.sql, raised!.id)).toMatchObject({
      unitPath: "acme/ops/payments",
      level: 2,
      indicator: "HighLatency",
      kind: "alert",
      valence: "pain",
      band: "crisis",
      state: "open",
      reference: null,
      raisedAt: NOW - 60_000,
      timeline: [
        expect.objectContaining({ kind: "raised", reason: "p99 above 500 ms", actor: { type: "system", component: "alertmanager" } }),
      ],
    });
    const [labels] = await h.db.sql.query<{ labels: unknown }>(`SELECT labels FROM "signal" WHERE id = $1`, [raised!.id]);
    expect(labels).toEqual({ labels: { alertname: "HighLatency", vsm_unit: "acme/ops/payments", severity: "page" } });
    const resolved = await h.routes.alerts(
      post("/api/v2/alerts", json(alert(new Date(NOW - 1_000).toISOString())), { ...JSON_TYPE, ...bearer() }),
    );
    expect(await resolved.json()).toMatchObject({ created: 0, updated: 1 });
    const [row] = await h.db.sql.query<{ name: string; resolved: boolean; linked: boolean }>(
      `SELECT name, resolved, system_id IS NOT NULL AS linked FROM external_alert`,
    );
    expect(row).toEqual({ name: "HighLatency", resolved: true, linked: true });
    expect(await readSignal(h.db.sql, raised!.id)).toMatchObject({ state: "resolved", closeReason: "alert-resolved" });
    expect(await h.db.sql.query(`SELECT count(*)::int AS n FROM "signal"`)).toEqual([{ n: 1 }]);
  });

  it("raises a signal for an alert with an empty family label, a very long name and a long summary, cut to fit", async () => {
    const long = [
      {
        labels: { alertname: "X".repeat(300), vsm_unit: "acme/sales", family: "" },
        annotations: { summary: "s".repeat(3000) },
        startsAt: new Date(NOW - 30_000).toISOString(),
        endsAt: new Date(NOW + 240_000).toISOString(),
      },
    ];
    const response = await h.routes.alerts(post("/api/v2/alerts", json(long), { ...JSON_TYPE, ...bearer() }));
    expect(response.status).toBe(200);
    const [row] = await h.db.sql.query<{ id: string }>(
      `SELECT s.id FROM "signal" s JOIN "system" y ON y.id = s.system_id WHERE y.path = 'acme/sales'`,
    );
    const signal = await readSignal(h.db.sql, row!.id);
    expect(signal).toMatchObject({ indicator: "X".repeat(200), family: null });
    expect(signal!.timeline[0]!.reason).toHaveLength(2000);
  });
});
