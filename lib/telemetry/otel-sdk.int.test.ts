import { OTLPMetricExporter as HttpJsonExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter as ProtobufExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHandlerServer, type HandlerServer } from "@/lib/testing/handler-server";
import { bearer, createTelemetryHarness, type TelemetryHarness } from "@/lib/testing/telemetry-harness";

/**
 * The official OpenTelemetry JS SDK and its exporters, unmodified, sending to the console's OTLP
 * handler over HTTP: what they export is stored, filtered and rated as the docs say. The README's
 * "OpenTelemetry SDK" snippet is this configuration.
 */
let h: TelemetryHarness;
let server: HandlerServer;
beforeAll(async () => {
  h = await createTelemetryHarness();
  server = await startHandlerServer({ "/api/otlp/v1/metrics": h.routes.otlp });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

async function stored(key: string): Promise<{ value: number; stepped: boolean }[]> {
  return h.db.sql.query(
    `SELECT o.value, o.stepped FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.key = $1 ORDER BY o.observed_at`,
    [key],
  );
}

/** Records through the SDK's own instruments and flushes an export after each value, as a running service would; shutting down exports once more. */
async function exportWith(exporter: PushMetricExporter, unit: string, depths: number[]): Promise<void> {
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ "service.name": "payments", "vsm.unit": unit }),
    readers: [reader],
  });
  const meter = provider.getMeter("payments-service");
  let depth = 0;
  meter.createObservableGauge("queue.depth").addCallback((result) => result.observe(depth));
  const requests = meter.createCounter("http.requests.total");
  for (const d of depths) {
    depth = d;
    requests.add(100);
    // Exported points are stamped in milliseconds: keep exports apart so each is a new time.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await reader.forceFlush();
  }
  await provider.shutdown();
}

describe("OpenTelemetry JS SDK exporters, unmodified", () => {
  it("exporter-metrics-otlp-proto (protobuf): gauges stored and stepped, the cumulative counter as a rate", async () => {
    const exporter = new ProtobufExporter({ url: `${server.url}/api/otlp/v1/metrics`, headers: bearer() });
    await exportWith(exporter, "acme/ops/payments", [3, 5, 8]);
    // Three flushes and the export at shutdown, each a point of its own.
    expect(await stored("queue-depth")).toEqual([
      { value: 3, stepped: true },
      { value: 5, stepped: true },
      { value: 8, stepped: true },
      { value: 8, stepped: true },
    ]);
    const rates = await stored("http-requests-total");
    // The first export sets the counter's baseline; the next two add 100 requests each, the last none.
    expect(rates.map((r) => r.stepped)).toEqual([true, true, true]);
    expect(rates[0]!.value).toBeGreaterThan(0);
    expect(rates[1]!.value).toBeGreaterThan(0);
    expect(rates[2]!.value).toBe(0);
    const answers = server.seen.filter((s) => s.path === "/api/otlp/v1/metrics");
    expect(answers.every((s) => s.status === 200 && s.headers["content-type"] === "application/x-protobuf")).toBe(true);
  });

  it("exporter-metrics-otlp-http (JSON) with gzip compression: stored the same way", async () => {
    const exporter = new HttpJsonExporter({ url: `${server.url}/api/otlp/v1/metrics`, headers: bearer(), compression: "gzip" as never });
    await exportWith(exporter, "acme/ops/payments", [13, 21]);
    expect((await stored("queue-depth")).map((r) => r.value)).toEqual([3, 5, 8, 8, 13, 21, 21]);
    const last = server.seen[server.seen.length - 1]!;
    expect(last.headers).toMatchObject({ "content-type": "application/json", "content-encoding": "gzip" });
    expect(last.status).toBe(200);
  });

  it("tells the exporter about metrics the model lacks, and counts them as unassigned", async () => {
    const exporter = new ProtobufExporter({ url: `${server.url}/api/otlp/v1/metrics`, headers: bearer() });
    await exportWith(exporter, "acme/ghost", [1]);
    const rows = await h.db.sql.query<{ indicator_key: string; reason: string }>(
      `SELECT indicator_key, reason FROM unassigned_point WHERE source = 'otlp' AND unit_path = 'acme/ghost' ORDER BY indicator_key`,
    );
    expect(rows).toEqual([
      { indicator_key: "http-requests-total", reason: "unknown_unit" },
      { indicator_key: "queue-depth", reason: "unknown_unit" },
    ]);
  });
});
