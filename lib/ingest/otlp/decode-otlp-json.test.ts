import { describe, expect, it } from "vitest";
import { countsBalance } from "../ingest-counts";
import { MalformedBodyError } from "../malformed-body";
import { decodeOtlpJson } from "./decode-otlp-metrics";

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const NOW = T0 + 60_000;
const nanos = (ms: number) => `${ms}000000`;
const decode = (body: unknown) => decodeOtlpJson(body, { now: NOW, memory: new Map() });

/** OTLP/JSON as other senders write it (the Collector, Python, hand-written curl bodies). */
function body(metrics: unknown[], unit: unknown = { stringValue: "acme/ops" }) {
  return { resourceMetrics: [{ resource: { attributes: [{ key: "vsm.unit", value: unit }] }, scopeMetrics: [{ metrics }] }] };
}
const gauge = (dataPoints: unknown[], name = "temperature") => ({ name, gauge: { dataPoints } });

describe("decodeOtlpJson on hand-written OTLP/JSON", () => {
  it("accepts int64 as strings or numbers, values as asDouble or asInt, and ignores unknown fields", () => {
    const result = decode({
      ...body([
        gauge([
          { timeUnixNano: nanos(T0), asDouble: 21.5, exemplars: [], futureField: { x: 1 } },
          { timeUnixNano: (T0 + 1) * 1e6, asInt: "-7" },
          { timeUnixNano: nanos(T0 + 2), asInt: 12 },
          { timeUnixNano: nanos(T0 + 3), asDouble: "1e3" },
        ]),
      ]),
      somethingNew: true,
    });
    expect(result.observations.map((o) => [o.time - T0, o.value])).toEqual([
      [0, 21.5],
      [1, -7],
      [2, 12],
      [3, 1000],
    ]);
  });

  it("takes aggregationTemporality as a number or as the enum name", () => {
    const delta = (temporality: unknown) =>
      decode(
        body([
          {
            name: "sent",
            sum: {
              aggregationTemporality: temporality,
              isMonotonic: true,
              dataPoints: [{ startTimeUnixNano: nanos(T0), timeUnixNano: nanos(T0 + 4000), asInt: "8" }],
            },
          },
        ]),
      );
    expect(delta(1).observations[0]?.value).toBe(2);
    expect(delta("AGGREGATION_TEMPORALITY_DELTA").observations[0]?.value).toBe(2);
    expect(delta(0).rejects[0]).toMatchObject({
      code: "unsupported_metric",
      message: "a sum needs aggregationTemporality DELTA (1) or CUMULATIVE (2)",
    });
  });

  it("counts NaN and no-recorded-value points apart from errors, and rejects infinities and missing values", () => {
    const result = decode(
      body([
        gauge([
          { timeUnixNano: nanos(T0), asDouble: "NaN" },
          { timeUnixNano: nanos(T0), flags: 1 },
          { timeUnixNano: nanos(T0), asDouble: "Infinity" },
          { timeUnixNano: nanos(T0), asDouble: "-Infinity" },
          { timeUnixNano: nanos(T0) },
          { timeUnixNano: nanos(T0), asDouble: "12abc" },
          { timeUnixNano: nanos(T0), asInt: "1.5" },
          { timeUnixNano: nanos(T0), asDouble: null },
          { timeUnixNano: nanos(T0), asDouble: 4 },
        ]),
      ]),
    );
    expect(result.counts).toMatchObject({ points: 9, observations: 1, nan: 1, stale: 1, rejected: 6 });
    expect(result.rejects.map((r) => r.message)).toEqual([
      "the value is infinite",
      "the value is infinite",
      ...Array.from({ length: 4 }, () => "the point has neither a numeric asDouble nor an integer asInt"),
    ]);
    expect(countsBalance(result.counts)).toBe(true);
  });

  it("rejects points with no time, time zero, or times outside 1970 … now + 1 day", () => {
    const result = decode(
      body([
        gauge([
          { asDouble: 1 },
          { timeUnixNano: "0", asDouble: 1 },
          { timeUnixNano: "-1", asDouble: 1 },
          { timeUnixNano: nanos(NOW + 86_400_001), asDouble: 1 },
          { timeUnixNano: nanos(NOW + 86_400_000), asDouble: 1 },
        ]),
      ]),
    );
    expect(result.rejects.map((r) => [r.code, r.message])).toEqual([
      ["invalid_time", "timeUnixNano is missing, zero or not whole nanoseconds"],
      ["invalid_time", "timeUnixNano is missing, zero or not whole nanoseconds"],
      ["invalid_time", "timeUnixNano is missing, zero or not whole nanoseconds"],
      ["invalid_time", "time is more than one day in the future"],
    ]);
    expect(result.observations).toHaveLength(1);
  });

  it("rejects delta sums without a usable interval and negative monotonic deltas", () => {
    const sum = (point: object) =>
      decode(body([{ name: "sent", sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [point] } }])).rejects[0];
    expect(sum({ timeUnixNano: nanos(T0), asInt: 5 })).toMatchObject({ code: "invalid_interval" });
    expect(sum({ startTimeUnixNano: nanos(T0), timeUnixNano: nanos(T0), asInt: 5 })).toMatchObject({ code: "invalid_interval" });
    expect(sum({ startTimeUnixNano: nanos(T0 - 1000), timeUnixNano: nanos(T0), asInt: -5 })).toMatchObject({ code: "invalid_value" });
  });

  it("rejects a unit attribute that is not a string or not a path, and metric names that give no key", () => {
    expect(decode(body([gauge([{ timeUnixNano: nanos(T0), asDouble: 1 }])], { intValue: 5 })).rejects[0]).toMatchObject({
      code: "invalid_unit",
      message: "vsm.unit must be a string attribute",
    });
    expect(decode(body([gauge([{ timeUnixNano: nanos(T0), asDouble: 1 }], "...")])).rejects[0]).toMatchObject({
      code: "invalid_indicator",
      unitPath: "acme/ops",
    });
  });

  it("rejects a data point that is not an object without failing the request", () => {
    const result = decode(body([gauge([5, { timeUnixNano: nanos(T0), asDouble: 1 }])]));
    expect(result.rejects).toMatchObject([{ at: "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[0]", code: "invalid_item" }]);
    expect(result.observations).toHaveLength(1);
  });

  it("fails as a whole when the structure is not an ExportMetricsServiceRequest", () => {
    for (const bad of [null, 5, "x", { resourceMetrics: {} }, { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 5 }] }] }] }]) {
      expect(() => decode(bad), JSON.stringify(bad)).toThrow(MalformedBodyError);
    }
    expect(() => decode({ resourceMetrics: [{ scopeMetrics: "x" }] })).toThrow(
      expect.objectContaining({ details: [{ path: "resourceMetrics.0.scopeMetrics", message: expect.any(String) }] }),
    );
    expect(decode({}).counts.points).toBe(0);
  });
});
