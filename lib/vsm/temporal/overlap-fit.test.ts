import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Random } from "@/lib/vsm/random";
import { fitLine } from "@/lib/vsm/temporal/least-squares";
import { fitOverlappingLine } from "@/lib/vsm/temporal/overlap-fit";
import { falseRateBound, rateOver } from "@/lib/vsm/temporal/seeded-rates";
import { slopeDirection } from "@/lib/vsm/temporal/slope-significance";

/** 28 points, each the mean of the last 7 of a series of independent noise plus `slope`·x. */
function movingMeans(random: Random, slope: number) {
  const noise = Array.from({ length: 34 }, () => random.normal());
  return Array.from({ length: 28 }, (_, x) => ({ x, y: slope * x + noise.slice(x, x + 7).reduce((s, v) => s + v, 0) / 7 }));
}

describe("fitOverlappingLine", () => {
  it("is the ordinary fit when the windows do not overlap", () => {
    const point = fc.record({ x: fc.integer({ min: 0, max: 1000 }), y: fc.double({ min: -100, max: 100, noNaN: true }) });
    fc.assert(
      fc.property(fc.uniqueArray(point, { selector: (p) => p.x, minLength: 3, maxLength: 20 }), (points) => {
        const ordinary = fitLine(points)!;
        const overlapping = fitOverlappingLine(points, 1)!;
        expect(overlapping.slope).toBe(ordinary.slope);
        expect(overlapping.df).toBeCloseTo(ordinary.df, 9);
        expect(overlapping.standardError!).toBeCloseTo(ordinary.standardError!, 9);
      }),
    );
  });

  it("widens the interval for overlapping windows and gives none when they all but coincide", () => {
    const points = [0, 1, 2, 3, 4, 5].map((x) => ({ x, y: x % 2 }));
    const ordinary = fitLine(points)!;
    const overlapping = fitOverlappingLine(points, 3)!;
    expect(overlapping.standardError!).toBeGreaterThan(ordinary.standardError!);
    expect(overlapping.df).toBeLessThan(ordinary.df);
    expect(fitOverlappingLine(points.slice(0, 3), 1e12)).toMatchObject({ standardError: null, df: 0 });
    expect(fitOverlappingLine(points.slice(0, 1), 3)).toBeNull();
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => fitOverlappingLine(points, bad)).toThrow(RangeError);
  });

  it("holds the nominal false rate on moving means of noise, where the ordinary fit does not", () => {
    // Measured over 1,000 series: the ordinary fit says rising in 27.6 %, this fit in 2.3 % (nominal 2.5 %).
    expect(rateOver((r) => slopeDirection(fitLine(movingMeans(r, 0))!) === "rising")).toBeGreaterThan(0.15);
    expect(rateOver((r) => slopeDirection(fitOverlappingLine(movingMeans(r, 0), 7)!) === "rising")).toBeLessThanOrEqual(
      falseRateBound(0.025),
    );
  });

  it("finds a real rise of 0.1 noise sd per point in at least 95 % of series", () => {
    // Measured: 97.7 %.
    expect(rateOver((r) => slopeDirection(fitOverlappingLine(movingMeans(r, 0.1), 7)!) === "rising")).toBeGreaterThanOrEqual(0.95);
  });
});
