import { describe, expect, it } from "vitest";
import type { MetricType } from "./remote-write-descriptor";
import { seriesKind } from "./series-kind";

const none = new Map<string, MetricType>();

describe("seriesKind", () => {
  it("follows the naming conventions when no metadata is known", () => {
    expect(seriesKind("http_requests_total", {}, none)).toEqual({ kind: "counter" });
    expect(seriesKind("rpc_duration_seconds_count", {}, none)).toEqual({ kind: "counter" });
    expect(seriesKind("rpc_duration_seconds_sum", {}, none)).toEqual({ kind: "counter" });
    expect(seriesKind("node_memory_free_bytes", {}, none)).toEqual({ kind: "gauge" });
    expect(seriesKind("queue_gcount", {}, none)).toEqual({ kind: "gauge" });
  });

  it("rejects histogram buckets and summary quantiles, which only mean something apart", () => {
    expect(seriesKind("rpc_duration_seconds_bucket", { le: "0.1" }, none)).toMatchObject({
      kind: "unsupported",
      reason: expect.stringMatching(/^histogram buckets/),
    });
    expect(seriesKind("rpc_duration_seconds", { quantile: "0.99" }, none)).toMatchObject({
      kind: "unsupported",
      reason: expect.stringMatching(/^summary quantiles/),
    });
  });

  it("lets metadata decide, for the family or the series name", () => {
    const types = new Map<string, MetricType>([
      ["build_info", "counter"],
      ["odd_total", "gauge"],
      ["jobs", "counter"],
      ["temperature_sum", "gauge"],
      ["temperature", "gauge"],
    ]);
    expect(seriesKind("build_info", {}, types)).toEqual({ kind: "counter" });
    expect(seriesKind("odd_total", {}, types)).toEqual({ kind: "gauge" });
    expect(seriesKind("jobs_total", {}, types)).toEqual({ kind: "counter" }); // OpenMetrics family "jobs"
    expect(seriesKind("temperature_sum", {}, types)).toEqual({ kind: "gauge" });
    expect(seriesKind("temperature_count", {}, types)).toEqual({ kind: "gauge" }); // family "temperature" is a gauge
  });
});
