import { describe, expect, it } from "vitest";
import { estimateVariance, firstDifferences, median, spreadVariance, warmupDegreesOfFreedom } from "@/lib/vsm/filter/estimate-variance";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";

/** (1.4826·MAD of first differences)²/2: the plain robust estimator, to compare against. */
function madEstimate(values: readonly number[]): number {
  const diffs = firstDifferences(values);
  const centre = median(diffs);
  return (1.4826 * median(diffs.map((d) => Math.abs(d - centre)))) ** 2 / 2;
}

/** Mean and relative variance of an estimator over many 20-point windows of N(0, 1) noise. */
function spreadOf(estimator: (values: readonly number[]) => number): { mean: number; relativeVariance: number } {
  const estimates = Array.from({ length: 4000 }, (_, seed) => estimator(syntheticSeries(seededRandom(seed + 1), { length: 20 }).values));
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
    const { values } = syntheticSeries(seededRandom(3), { length: 4000, level: 50, sigma: 2 });
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
    const noise = syntheticSeries(seededRandom(5), { length: 200, sigma: 1 }).values;
    const clean = estimateVariance(noise);
    const disturbed = noise.map((y, i) => y + (i >= 100 ? 40 : 0) + (i === 50 ? 500 : 0) + 3 * i);
    expect(estimateVariance(disturbed) / clean).toBeGreaterThan(0.9);
    expect(estimateVariance(disturbed) / clean).toBeLessThan(1.15);
  });

  it("falls back to the mean square for mostly-constant series, and gives 0 for a constant one", () => {
    // MAD is 0 when most differences are 0; the rare moves still give V > 0: differences 0 … +1, −1 …
    // 0 (11 of them, median 0), mean square 2/11, halved.
    const counts = [5, 5, 5, 5, 6, 5, 5, 5, 5, 5, 5, 5];
    expect(estimateVariance(counts)).toBeCloseTo(2 / 11 / 2, 12);
    // A constant window has no noise to measure: the caller applies the data's floor (noise.ts).
    expect(estimateVariance([250, 250, 250, 250])).toBe(0);
    expect(estimateVariance([0, 0])).toBe(0);
  });

  it("measures the noise about a trend, not the trend", () => {
    // Differences 2.5, 1.5, 1.5, 2.5, … (ten of each): median 2, deviations ±0.5, all kept (MAD 0.5,
    // 3 robust sds = 2.22): mean square 0.25, corrected for the trimming of a normal at 3σ
    // (E[x² | |x| < 3σ] = 0.97334σ²), halved.
    const wobble = [0, 0.5, 0, -0.5];
    const values = Array.from({ length: 21 }, (_, i) => 50 + 2 * i + wobble[i % 4]!);
    expect(estimateVariance(values)).toBeCloseTo(0.25 / 0.97334 / 2, 5);
  });

  it("claims (window − 1)/2 degrees of freedom", () => {
    expect(warmupDegreesOfFreedom(20)).toBe(9.5);
    expect(warmupDegreesOfFreedom(21)).toBe(10);
  });
});

describe("the window's spread about its line", () => {
  /** 20 points of AR(1) noise of unit marginal variance. */
  const ar = (seed: number, phi: number) => {
    const random = seededRandom(seed);
    let e = 0;
    return Array.from({ length: 20 }, () => (e = phi * e + Math.sqrt(1 - phi * phi) * random.normal()));
  };
  const meanRatio = (phi: number) => {
    let sum = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const values = ar(seed, phi);
      sum += spreadVariance(values) / estimateVariance(values);
    }
    return sum / 2000;
  };

  it("agrees with V on independent noise and sees the wander V misses on autocorrelated noise", () => {
    // Measured over 2,000 windows each: about 1.0 on white noise, about 2 at ρ 0.6 (the population's 1/(1 − ρ) is 2.5; a line through 20 points takes some of the wander).
    expect(meanRatio(0)).toBeGreaterThan(0.9);
    expect(meanRatio(0)).toBeLessThan(1.15);
    expect(meanRatio(0.6)).toBeGreaterThan(1.7);
  });

  it("takes a trend out and is not moved by an outlier", () => {
    const random = seededRandom(5);
    const noise = Array.from({ length: 20 }, () => random.normal());
    const ramp = noise.map((e, i) => e + 3 * i);
    expect(spreadVariance(ramp)).toBeCloseTo(spreadVariance(noise), 0);
    const outlier = [...noise];
    outlier[7] = 1e6;
    expect(spreadVariance(outlier)).toBeLessThan(3 * spreadVariance(noise));
  });

  it("reads a long warm-up's slope from an evenly spaced subset of its points", () => {
    const random = seededRandom(6);
    const long = Array.from({ length: 5000 }, (_, i) => 0.5 * i + random.normal());
    // Unit noise about a line of slope 0.5: the spread is near 1 whatever the length.
    expect(spreadVariance(long)).toBeGreaterThan(0.8);
    expect(spreadVariance(long)).toBeLessThan(1.2);
  });

  it("is 0 for a constant window and for a single value", () => {
    expect(spreadVariance([4, 4, 4, 4])).toBe(0);
    expect(spreadVariance([4])).toBe(0);
  });
});
