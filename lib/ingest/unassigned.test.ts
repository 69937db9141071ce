import { describe, expect, it } from "vitest";
import { reject } from "./reject";
import { groupUnassigned, unknownReject } from "./unassigned";

describe("groupUnassigned", () => {
  it("counts unassigned rejects per unit and indicator, and leaves sender errors out", () => {
    const rejects = [
      reject("timeseries[0].samples[0]", "missing_unit", "no vsm_unit", { indicatorKey: "up" }),
      reject("timeseries[1].samples[0]", "missing_unit", "no vsm_unit", { indicatorKey: "up" }),
      reject("timeseries[2].samples[0]", "missing_unit", "no vsm_unit", { indicatorKey: "go-goroutines" }),
      unknownReject({ unitPath: "acme/ghost", indicatorKey: "up", time: 0, value: 1 }, "unit", "observations[0]"),
      unknownReject({ unitPath: "acme", indicatorKey: "latency", time: 0, value: 1 }, "indicator", "observations[1]"),
      unknownReject({ unitPath: "acme", indicatorKey: "latency", time: 1, value: 2 }, "indicator", "observations[2]"),
      reject("timeseries[3].samples[0]", "invalid_unit", "bad path", { indicatorKey: "up" }),
      reject("timeseries[4].samples[0]", "invalid_time", "too late", { unitPath: "acme", indicatorKey: "up" }),
      reject("alerts[0]", "missing_unit", "alert DiskFull has no vsm_unit label"),
    ];
    expect(groupUnassigned("prometheus", rejects)).toEqual([
      { source: "prometheus", unitPath: null, indicatorKey: "up", code: "missing_unit", count: 2 },
      { source: "prometheus", unitPath: null, indicatorKey: "go-goroutines", code: "missing_unit", count: 1 },
      { source: "prometheus", unitPath: "acme/ghost", indicatorKey: "up", code: "unknown_unit", count: 1 },
      { source: "prometheus", unitPath: "acme", indicatorKey: "latency", code: "unknown_indicator", count: 2 },
      { source: "prometheus", unitPath: null, indicatorKey: null, code: "missing_unit", count: 1 },
    ]);
    expect(groupUnassigned("json", [])).toEqual([]);
  });

  it("says what is unknown, for key and id observations alike", () => {
    expect(unknownReject({ unitPath: "acme", indicatorId: 42, time: 0, value: 1 }, "indicator", "observations[3]")).toEqual({
      at: "observations[3]",
      code: "unknown_indicator",
      message: 'unit "acme" has no indicator #42',
      unitPath: "acme",
    });
    expect(unknownReject({ unitPath: "acme/x", indicatorKey: "k", time: 0, value: 1 }, "unit", "o").message).toBe(
      'no unit "acme/x" in the model',
    );
  });
});
