import { describe, expect, it } from "vitest";
import { combineForecast, type PredictiveStep } from "@/lib/vsm/intelligence/combined-forecast";
import { fitHolt } from "@/lib/vsm/intelligence/holt";

// Holt on the line 0, 1, …, 19 forecasts 20, 21, … with no spread.
const holt = fitHolt(
  Array.from({ length: 20 }, (_, t) => t),
  { alpha: 0.5, beta: 0.3 },
);
// The filter expects 10, 11, 12, 13 with variances 1…4.
const filter: PredictiveStep[] = [1, 2, 3, 4].map((k) => ({ mean: 9 + k, variance: k }));

describe("combineForecast", () => {
  it("uses the filter first, blends as a mixture, then hands over to Holt", () => {
    const steps = combineForecast({ filter, holt, horizon: 6 });
    expect(steps.map((s) => [s.step, s.source, s.filterWeight])).toEqual([
      [1, "filter", 1],
      [2, "filter", 1],
      [3, "blend", 2 / 3],
      [4, "blend", 1 / 3],
      [5, "holt", 0],
      [6, "holt", 0],
    ]);
    expect(steps[0]).toMatchObject({ mean: 10, variance: 1 });
    // Step 3: ⅔·12 + ⅓·22; variance ⅔·3 + ⅓·0 + ⅔·⅓·(12 − 22)².
    expect(steps[2]!.mean).toBeCloseTo(46 / 3, 12);
    expect(steps[2]!.variance).toBeCloseTo(2 + 200 / 9, 12);
    // Step 4: ⅓·13 + ⅔·23; variance ⅓·4 + ⅔·0 + ⅔·⅓·(13 − 23)².
    expect(steps[3]!.mean).toBeCloseTo(59 / 3, 12);
    expect(steps[3]!.variance).toBeCloseTo(4 / 3 + 200 / 9, 12);
    expect(steps[4]!.mean).toBeCloseTo(24, 9);
    expect(steps[4]!.variance).toBeCloseTo(0, 12);
  });

  it("gives 80 % and 95 % bands from the combined variance", () => {
    const [first] = combineForecast({ filter, holt, horizon: 1 });
    expect(first!.intervals.map((i) => i.level)).toEqual([0.8, 0.95]);
    expect(first!.intervals[1]!.upper).toBeCloseTo(10 + 1.959963984540054, 8);
    const [custom] = combineForecast({ filter, holt, horizon: 1, levels: [0.5] });
    expect(custom!.intervals).toHaveLength(1);
  });

  it("follows a given handover and falls back to Holt without filter steps", () => {
    const late = combineForecast({ filter, holt, horizon: 4, handover: { from: 3, to: 10 } });
    expect(late.map((s) => s.source)).toEqual(["filter", "filter", "filter", "blend"]);
    expect(late[3]!.filterWeight).toBeCloseTo(6 / 7, 12);
    expect(combineForecast({ filter: [], holt, horizon: 2 }).map((s) => s.source)).toEqual(["holt", "holt"]);
  });

  it("has no bands where Holt carries weight but could not measure its error", () => {
    const young = fitHolt([1, 2], { alpha: 0.5, beta: 0.5 });
    const steps = combineForecast({ filter: filter.slice(0, 2), holt: young, horizon: 3 });
    expect(steps.map((s) => [s.source, s.variance === null, s.intervals.length])).toEqual([
      ["filter", false, 2],
      ["blend", true, 0],
      ["holt", true, 0],
    ]);
  });

  it("rejects a malformed filter step or handover", () => {
    expect(() => combineForecast({ filter: [{ mean: 1, variance: -1 }], holt, horizon: 1 })).toThrow(RangeError);
    expect(() => combineForecast({ filter, holt, horizon: 1, handover: { from: 3, to: 3 } })).toThrow(RangeError);
  });
});
