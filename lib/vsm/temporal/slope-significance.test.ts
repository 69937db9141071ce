import { describe, expect, it } from "vitest";
import { fitLine } from "@/lib/vsm/temporal/least-squares";
import { falseRateBound, rateOver } from "@/lib/vsm/temporal/seeded-rates";
import { DEFAULT_CONFIDENCE, slopeDirection, slopeInterval, slopesDiffer } from "@/lib/vsm/temporal/slope-significance";
import { studentTQuantile } from "@/lib/vsm/temporal/student-t";
import type { Random } from "@/lib/vsm/random";

/** 12 points of standard normal noise around a line of the given slope per point. */
function noisyLine(random: Random, slope: number) {
  return fitLine(Array.from({ length: 12 }, (_, x) => ({ x, y: slope * x + random.normal() })))!;
}

describe("slope intervals and directions", () => {
  it("give slope ± t·se at the level, 95 % by default", () => {
    expect(DEFAULT_CONFIDENCE).toBe(0.95);
    const t = studentTQuantile(0.975, 10);
    const interval = slopeInterval({ slope: 2, standardError: 0.5, df: 10 })!;
    expect(interval.level).toBe(0.95);
    expect(interval.low).toBeCloseTo(2 - 0.5 * t, 12);
    expect(interval.high).toBeCloseTo(2 + 0.5 * t, 12);
    expect(slopeInterval({ slope: 5, standardError: null, df: 0 })).toBeNull();
    for (const bad of [0, 1, 1.5, Number.NaN]) expect(() => slopeInterval({ slope: 1, standardError: 1, df: 3 }, bad)).toThrow(RangeError);
  });

  it("call a slope rising or falling only when its interval excludes 0, flat otherwise", () => {
    expect(slopeDirection({ slope: 2, standardError: 0.5, df: 10 })).toBe("rising");
    // 1 − 2.228·0.5 < 0 at 95 %, but 1 − 1.812·0.5 > 0 at 90 %.
    expect(slopeDirection({ slope: 1, standardError: 0.5, df: 10 })).toBe("flat");
    expect(slopeDirection({ slope: 1, standardError: 0.5, df: 10 }, 0.9)).toBe("rising");
    expect(slopeDirection({ slope: -3, standardError: 1, df: 5 })).toBe("falling");
    expect(slopeDirection({ slope: 5, standardError: null, df: 0 })).toBe("flat");
    // An exact fit leaves no doubt, whatever its df.
    expect(slopeDirection({ slope: 1e-9, standardError: 0, df: 3 })).toBe("rising");
  });

  it("test a difference of slopes against their combined uncertainty with Welch's df", () => {
    const slow = { slope: 0, standardError: 0.4, df: 20 };
    // Combined se 0.5; Welch df ≈ 37, t ≈ 2.026: a difference of 1 is inside (a normal 1.96 would not be), 1.1 is not.
    expect(slopesDiffer({ slope: 1, standardError: 0.3, df: 20 }, slow)).toBe(false);
    expect(slopesDiffer({ slope: 1.1, standardError: 0.3, df: 20 }, slow)).toBe(true);
    expect(slopesDiffer({ slope: 1.1, standardError: 0.3, df: 20 }, slow, 0.99)).toBe(false);
    expect(slopesDiffer({ slope: 9, standardError: null, df: 0 }, slow)).toBe(false);
    expect(slopesDiffer({ slope: 1, standardError: 0, df: 3 }, { slope: 1, standardError: 0, df: 3 })).toBe(false);
    expect(slopesDiffer({ slope: 1, standardError: 0, df: 3 }, { slope: 2, standardError: 0, df: 3 })).toBe(true);
    expect(() => slopesDiffer(slow, slow, 2)).toThrow(RangeError);
  });
});

describe("false claims and power over 1,000 seeded series", () => {
  it("calls stationary Gaussian noise a direction at the nominal rate", () => {
    // Measured: 5.9 % not flat (nominal 5 %), 3.3 % rising (nominal 2.5 %).
    const notFlat = rateOver((r) => slopeDirection(noisyLine(r, 0)) !== "flat");
    const rising = rateOver((r) => slopeDirection(noisyLine(r, 0)) === "rising");
    expect(notFlat).toBeLessThanOrEqual(falseRateBound(0.05));
    expect(notFlat).toBeGreaterThanOrEqual(0.05 - (falseRateBound(0.05) - 0.05));
    expect(rising).toBeLessThanOrEqual(falseRateBound(0.025));
  });

  it("keeps the rate for bucket means of unequal counts, weighted by count", () => {
    // Buckets of 1–13 points: each mean has variance 1/count, which the weights must account for.
    const bucketed = (r: Random) =>
      fitLine(
        Array.from({ length: 12 }, (_, x) => {
          const count = 1 + 3 * (x % 5);
          const values = Array.from({ length: count }, () => r.normal());
          return { x, y: values.reduce((s, v) => s + v, 0) / count, weight: count };
        }),
      )!;
    // Measured: 5.6 % (nominal 5 %); as k copies, the same means would look far surer than they are.
    expect(rateOver((r) => slopeDirection(bucketed(r)) !== "flat")).toBeLessThanOrEqual(falseRateBound(0.05));
  });

  it("finds a real rise of 0.4 noise sd per point in at least 95 % of series", () => {
    // Measured: 98.9 % (the slope is 4.8 standard errors).
    expect(rateOver((r) => slopeDirection(noisyLine(r, 0.4)) === "rising")).toBeGreaterThanOrEqual(0.95);
  });
});
