import { describe, expect, it } from "vitest";
import { estimateVariance, firstDifferences, median, varianceFloor, warmupDegreesOfFreedom } from "@/lib/vsm/filter/estimate-variance";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";

/** (1.4826·MAD of first differences)²/2: DESIGN.md's example estimator, to compare against. */
function madEstimate(values: readonly number[]): number {
  const diffs = firstDifferences(values);
  const centre = median(diffs);
  return (1.4826 * median(diffs.map((d) => Math.abs(d - centre)))) ** 2 / 2;
}

/** Mean and relative variance of an estimator over many 20-point windows of N(0, 1) noise. */
function spreadOf(estimator: (values: readonly number[]) => number): { mean: number; relativeVariance: number } {
  const estimates = Array.from({ length: 4000 }, (_, seed) => estimator(syntheticSeries(seededRandom(seed + 1), { length: 20 })));
  const mean = estimates.reduce((s, v) => s + v, 0) / estimates.length;
  const variance = estimates.reduce((s, v) => s + (v - mean) ** 2, 0) / (estimates.length - 1);
  return { mean, relativeVariance: variance / mean ** 2 };
}

describe("warm-up variance estimate", () => {
  it("takes medians of odd and even lists and first differences", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(firstDifferences([1, 4, 2])).toEqual([3, -2]);
  });

  it("recovers σ² of noise from the trimmed mean square of first differences", () => {
    const values = syntheticSeries(seededRandom(3), { length: 4000, level: 50, sigma: 2 });
    expect(Math.abs(estimateVariance(values) / 4 - 1)).toBeLessThan(0.05);
  });

  it("is worth about the degrees of freedom it claims, about twice what MAD is worth, on a 20-point window", () => {
    const trimmed = spreadOf(estimateVariance);
    const mad = spreadOf(madEstimate);
    // Nearly unbiased, with relative variance 2/n for the n it claims (within sampling error).
    expect(Math.abs(trimmed.mean - 1)).toBeLessThan(0.05);
    const claimed = 2 / warmupDegreesOfFreedom(20);
    expect(trimmed.relativeVariance / claimed).toBeGreaterThan(0.85);
    expect(trimmed.relativeVariance / claimed).toBeLessThan(1.15);
    expect(mad.relativeVariance).toBeGreaterThan(1.8 * trimmed.relativeVariance);
  });

  it("is robust to a step and an outlier in the window, and to a trend", () => {
    const noise = syntheticSeries(seededRandom(5), { length: 200, sigma: 1 });
    const clean = estimateVariance(noise);
    const disturbed = noise.map((y, i) => y + (i >= 100 ? 40 : 0) + (i === 50 ? 500 : 0) + 3 * i);
    expect(estimateVariance(disturbed) / clean).toBeGreaterThan(0.9);
    expect(estimateVariance(disturbed) / clean).toBeLessThan(1.15);
  });

  it("falls back to the mean square for mostly-constant series and to a floor for constant ones", () => {
    // MAD is 0 when most differences are 0; the rare moves still give V > 0.
    const counts = [5, 5, 5, 5, 6, 5, 5, 5, 5, 5, 5, 5];
    expect(estimateVariance(counts)).toBeCloseTo((1 + 1) / 11 / 2, 10);
    expect(estimateVariance([250, 250, 250, 250])).toBeCloseTo((1e-3 * 250) ** 2, 12);
    expect(varianceFloor([0, 0, 0])).toBe(1e-12);
  });
});
