import { describe, expect, it } from "vitest";
import { trackInterval, typicalInterval } from "@/lib/vsm/filter/interval";
import { MINUTE } from "@/lib/vsm/types";

/** Runs the tracker from `start` over the given intervals, returning every value it took. */
function track(start: number, intervals: readonly number[]): number[] {
  const path: number[] = [];
  let typical = start;
  for (const elapsed of intervals) {
    typical = trackInterval(typical, elapsed);
    path.push(typical);
  }
  return path;
}

describe("trackInterval", () => {
  it("stays exactly on a regular rhythm", () => {
    expect(trackInterval(MINUTE, MINUTE)).toBe(MINUTE);
  });

  it("settles on a regular rhythm from a wrong start", () => {
    // From 30% high: 2% a point while a tenth of the log ratio exceeds ln 1.02, then the log ratio
    // shrinks by 0.9 a point; after 400 points it is below 1e-15 of the interval.
    for (const start of [1.3 * MINUTE, 0.7 * MINUTE]) {
      const path = track(
        start,
        Array.from({ length: 400 }, () => MINUTE),
      );
      expect(Math.abs(path[399]! / MINUTE - 1)).toBeLessThan(1e-12);
    }
  });

  it("moves a tenth of the log ratio, at most 2% a point", () => {
    // An interval 10% longer moves it by exp(0.1·ln 1.1) = 1.1^0.1 = 1.00958.
    expect(trackInterval(MINUTE, 1.1 * MINUTE)).toBeCloseTo(MINUTE * 1.1 ** 0.1, 6);
    // A gap of a hundred intervals, or a burst, moves it 2% at most.
    expect(trackInterval(MINUTE, 100 * MINUTE)).toBeCloseTo(1.02 * MINUTE, 6);
    expect(trackInterval(MINUTE, 1)).toBeCloseTo(MINUTE / 1.02, 6);
  });

  it("ignores an interval that is not positive", () => {
    expect(trackInterval(MINUTE, 0)).toBe(MINUTE);
    expect(trackInterval(MINUTE, -5)).toBe(MINUTE);
    expect(trackInterval(MINUTE, Number.NaN)).toBe(MINUTE);
  });

  it("is left a few percent high by one gap in seven intervals", () => {
    // A gap (≥ 1.22 intervals saturates the 2% cap), then six regular intervals each taking 10% off
    // the log ratio L. At the cycle's fixed point L = 0.9⁶·(L + ln 1.02), so just before a gap
    // L = 0.9⁶·ln 1.02/(1 − 0.9⁶) = 0.02246 (2.3% high) and just after it L + ln 1.02 = 0.0423
    // (4.3% high); over the cycle it averages 3.2% high.
    const cycle = [10 * MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, MINUTE, MINUTE];
    const path = track(
      MINUTE,
      Array.from({ length: 700 }, (_, i) => cycle[i % 7]!),
    ).slice(-70);
    const high = path.map((typical) => typical / MINUTE - 1);
    expect(Math.min(...high)).toBeCloseTo(Math.exp(0.02246) - 1, 4);
    expect(Math.max(...high)).toBeCloseTo(Math.exp(0.04226) - 1, 4);
    const logs = path.map((typical) => Math.log(typical / MINUTE));
    expect(logs.reduce((s, x) => s + x, 0) / logs.length).toBeCloseTo(0.0315, 3);
  });
});

describe("typicalInterval", () => {
  it("is the median of the intervals between times", () => {
    // Intervals 10, 10, 30, 10: one gap does not move it.
    expect(typicalInterval([0, 10, 20, 50, 60])).toBe(10);
    // Intervals 10, 20: the mean of the two middle ones.
    expect(typicalInterval([0, 10, 30])).toBe(15);
    // Intervals 60, 60, 120, 600, 30, 60, 60 → sorted 30, 60, 60, 60, 60, 120, 600.
    expect(typicalInterval([0, 60, 120, 240, 840, 870, 930, 990])).toBe(60);
  });
});
