import { describe, expect, it } from "vitest";
import { addPoints, emptySeries } from "@/lib/vsm/temporal/series";
import { mismatchTrend, varietyMismatch } from "@/lib/vsm/temporal/variety-mismatch";
import { DAY, HOUR } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 3, 1);

/** Day buckets (bin width 1) holding the given values, one list per day from t0. */
function days(values: number[][]) {
  const points = values.flatMap((vs, d) => vs.map((value, i) => ({ at: t0 + d * DAY + i * HOUR, value })));
  return addPoints(emptySeries(1), points).day;
}

describe("varietyMismatch", () => {
  it("is all fast-scale when every day looks alike", () => {
    // Each day {0, 1}: 1 bit inside each day, nothing between days.
    expect(varietyMismatch(days([[0, 1], [0, 1]]), t0 + DAY, 2)).toEqual({ at: t0 + DAY, days: 2, fast: 1, slow: 0, mismatch: 1 });
  });

  it("is all slow-scale when each day is steady but days differ", () => {
    expect(varietyMismatch(days([[0, 0], [5, 5]]), t0 + DAY + 5, 2)).toEqual({ at: t0 + DAY, days: 2, fast: 0, slow: 1, mismatch: -1 });
  });

  it("needs two days of data and day buckets", () => {
    expect(varietyMismatch(days([[0, 1]]), t0, 2)).toBeNull();
    const series = addPoints(emptySeries(1), [{ at: t0, value: 1 }]);
    expect(() => varietyMismatch(series.hour, t0)).toThrow(RangeError);
    expect(() => varietyMismatch(series.day, t0, 1)).toThrow(RangeError);
  });
});

describe("mismatchTrend", () => {
  it("grows when days become more turbulent inside while their means stay put", () => {
    // Day k holds 2^k distinct values centred near the same level: within-day variety doubles daily.
    const turbulent = [0, 1, 2, 3, 4].map((k) => Array.from({ length: 2 ** k }, (_, i) => 10 + i - 2 ** (k - 1)));
    const result = mismatchTrend(days(turbulent), { from: t0, to: t0 + 5 * DAY }, 2);
    expect(result.points.map((p) => p.at)).toEqual([1, 2, 3, 4].map((d) => t0 + d * DAY));
    expect(result.points.map((p) => p.fast)).toEqual([...result.points.map((p) => p.fast)].sort((a, b) => a - b));
    expect(result.growing).toBe(true);
    expect(result.slopePerDay).toBeCloseTo(result.trend!.slope * DAY, 12);
    expect(result.slopePerDay!).toBeGreaterThan(0.5);
  });

  it("is flat when every day looks alike, and starts at the first whole day in the window", () => {
    const same = days([[0, 1], [0, 1], [0, 1], [0, 1]]);
    const result = mismatchTrend(same, { from: t0 + 1, to: t0 + 4 * DAY });
    expect(result.points.map((p) => p.mismatch)).toEqual([1, 1, 1]);
    expect(result.points[0]!.at).toBe(t0 + DAY);
    expect(result.trend!.slope).toBe(0);
    expect(result.growing).toBe(false);
  });

  it("has no trend without enough days", () => {
    expect(mismatchTrend(days([[1]]), { from: t0, to: t0 + DAY })).toEqual({ points: [], trend: null, slopePerDay: null, growing: false });
    expect(() => mismatchTrend([], { from: t0, to: t0 })).toThrow(RangeError);
  });
});
