import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countsBalance } from "../ingest-counts";
import { decodeRemoteWrite, type RemoteWriteResult } from "./decode-remote-write";

/**
 * Bodies captured from a real Prometheus 2.42 (Debian package) remote-writing to a capture server:
 * `POST /api/v1/write`, `Content-Encoding: snappy`, `Content-Type: application/x-protobuf`,
 * `X-Prometheus-Remote-Write-Version: 0.1.0`. It scraped a target every second with the target
 * label `vsm_unit: acme/ops`, serving a counter `vsm_demo_requests_total{code="200"|"500"}`
 * (+37 and +0/1 per scrape), a gauge `vsm_demo_queue_depth 7` and a histogram; an alert rule
 * `vsm_demo_queue_depth > 5` fired (the ALERTS series). Then the target was stopped, and the next
 * request carried staleness markers. Metadata came in its own request, without samples.
 */
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures", name)));
const NOW = 1_796_046_922_000; // the capture machine's clock, shortly after the last request
const SCRAPE_A = 1_796_046_917_958;

describe("remote-write bodies captured from Prometheus 2.42", () => {
  const decode = (name: string, previous?: RemoteWriteResult) =>
    decodeRemoteWrite(fixture(name), { now: NOW, memory: previous?.memory ?? new Map(), metricTypes: previous?.metricTypes ?? new Map() });

  it("reads the metadata-only request as metric types and no samples", () => {
    const metadata = decode("prometheus-2.42-metadata.bin");
    expect(metadata.counts.points).toBe(0);
    expect(metadata.metricTypes).toEqual(
      new Map([
        ["vsm_demo_requests_total", "counter"],
        ["vsm_demo_queue_depth", "gauge"],
        ["vsm_demo_latency_seconds", "histogram"],
      ]),
    );
  });

  it("maps gauges to values, remembers counters, and rejects histogram buckets", () => {
    const a = decode("prometheus-2.42-scrape-a.bin", decode("prometheus-2.42-metadata.bin"));
    expect(a.observations).toContainEqual({ unitPath: "acme/ops", indicatorKey: "vsm-demo-queue-depth", time: SCRAPE_A, value: 7 });
    expect(a.observations).toContainEqual({ unitPath: "acme/ops", indicatorKey: "up", time: SCRAPE_A, value: 1 });
    expect(a.observations).toContainEqual({ unitPath: "acme/ops", indicatorKey: "alerts", time: 1_796_046_917_861, value: 1 });
    // Two requests-total series, _sum and _count: counters, baseline only.
    expect(a.counts).toMatchObject({ points: 14, observations: 8, baseline: 4, rejected: 2 });
    expect(a.rejects.map((r) => [r.code, r.indicatorKey])).toEqual([
      ["unsupported_metric", "vsm-demo-latency-seconds-bucket"],
      ["unsupported_metric", "vsm-demo-latency-seconds-bucket"],
    ]);
    expect([...a.memory.values()]).toContainEqual({ time: SCRAPE_A, value: 1074 });
  });

  it("turns the next scrape's counters into rates: 37 + 1 requests in one second", () => {
    const b = decode("prometheus-2.42-scrape-b.bin", decode("prometheus-2.42-scrape-a.bin"));
    expect(b.observations).toContainEqual({
      unitPath: "acme/ops",
      indicatorKey: "vsm-demo-requests-total",
      time: SCRAPE_A + 1000,
      value: 38,
    });
    expect(b.observations).toContainEqual({
      unitPath: "acme/ops",
      indicatorKey: "vsm-demo-latency-seconds-count",
      time: SCRAPE_A + 1000,
      value: 0,
    });
    expect(b.counts).toMatchObject({ points: 14, observations: 11, merged: 1, baseline: 0 });
    expect(countsBalance(b.counts)).toBe(true);
  });

  it("counts the staleness markers Prometheus wrote when the target went away, as no value and no error", () => {
    const stale = decode("prometheus-2.42-stale.bin");
    expect(stale.counts).toMatchObject({ points: 14, stale: 7, nan: 0, rejected: 0, observations: 7 });
    expect(stale.observations).toContainEqual({ unitPath: "acme/ops", indicatorKey: "up", time: SCRAPE_A + 2000, value: 0 });
    expect(stale.observations.map((o) => o.indicatorKey)).not.toContain("vsm-demo-queue-depth");
  });
});
