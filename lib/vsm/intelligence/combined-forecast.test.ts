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

  describe("with the filter's own quantile bands", () => {
    // Skewed bands no normal approximation would give: the filter's mixture quantiles around 10, 11, 12, 13.
    const bands = (mean: number) => [
      { level: 0.8, lower: mean - 1, upper: mean + 3 },
      { level: 0.95, lower: mean - 2, upper: mean + 6 },
    ];
    const own: PredictiveStep[] = filter.map((s) => ({ ...s, intervals: bands(s.mean) }));

    it("uses them where the filter alone speaks, and the combined variance where Holt has weight", () => {
      const steps = combineForecast({ filter: own, holt, horizon: 5 });
      expect(steps.map((s) => s.source)).toEqual(["filter", "filter", "blend", "blend", "holt"]);
      expect(steps[0]!.intervals).toEqual(bands(10));
      expect(steps[1]!.intervals).toEqual(bands(11));
      // Step 3 blends: mean ± z·√variance about 46/3, not the filter's bands.
      const half80 = 1.2815515655446004 * Math.sqrt(2 + 200 / 9);
      expect(steps[2]!.intervals[0]!.lower).toBeCloseTo(46 / 3 - half80, 6);
      expect(steps[2]!.intervals[0]!.upper).toBeCloseTo(46 / 3 + half80, 6);
      expect(steps[4]!.intervals[1]!.upper).toBeCloseTo(24, 8);
    });

    it("picks the requested levels from them in the requested order", () => {
      const [first] = combineForecast({ filter: own, holt, horizon: 1, levels: [0.95, 0.8] });
      expect(first!.intervals).toEqual([bands(10)[1], bands(10)[0]]);
      const [only] = combineForecast({ filter: own, holt, horizon: 1, levels: [0.95] });
      expect(only!.intervals).toEqual([bands(10)[1]]);
    });

    it("falls back to the normal approximation for every level when any requested level is missing", () => {
      const [first] = combineForecast({ filter: own, holt, horizon: 1, levels: [0.8, 0.9] });
      // Mean 10, variance 1: ±1.2816 and ±1.6449, both from the normal.
      expect(first!.intervals[0]!.upper).toBeCloseTo(10 + 1.2815515655446004, 8);
      expect(first!.intervals[1]!.lower).toBeCloseTo(10 - 1.6448536269514722, 8);
      const [half] = combineForecast({ filter: own, holt, horizon: 1, levels: [0.5] });
      expect(half!.intervals).toEqual([
        { level: 0.5, lower: expect.closeTo(10 - 0.6744897501960817, 8), upper: expect.closeTo(10 + 0.6744897501960817, 8) },
      ]);
    });

    it("uses the normal approximation for a step that gives no bands", () => {
      const mixed: PredictiveStep[] = [own[0]!, filter[1]!, own[2]!, own[3]!];
      const steps = combineForecast({ filter: mixed, holt, horizon: 2 });
      expect(steps[0]!.intervals).toEqual(bands(10));
      expect(steps[1]!.intervals[1]!.upper).toBeCloseTo(11 + 1.959963984540054 * Math.SQRT2, 8);
    });
  });

  it("rejects a malformed filter step or handover", () => {
    expect(() => combineForecast({ filter: [{ mean: 1, variance: -1 }], holt, horizon: 1 })).toThrow(RangeError);
    expect(() => combineForecast({ filter, holt, horizon: 1, handover: { from: 3, to: 3 } })).toThrow(RangeError);
  });
});
