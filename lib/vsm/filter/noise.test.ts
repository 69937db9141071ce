import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { clip, LEARNING_CAP, learnAutocorrelation, learnResolution, learnVariance, varianceFloor } from "@/lib/vsm/filter/noise";
import type { NoiseState } from "@/lib/vsm/filter/schemas";
import { seededRandom } from "@/lib/vsm/random";

const noiseWith = (fields: Partial<NoiseState>): NoiseState => ({ ...createFilterState().noise, ...fields });

describe("varianceFloor", () => {
  it("is half the resolution, squared", () => {
    // Counts in steps of 0.1: (0.05)² = 0.0025, far above the precision floor (1e-12·100)² = 1e-20.
    expect(varianceFloor(noiseWith({ resolution: 0.1 }), 100)).toBeCloseTo(0.0025, 15);
    expect(varianceFloor(noiseWith({ resolution: 2 }), 5)).toBe(1);
  });

  it("falls back on the precision of the values' magnitude, then on the tiniest floor", () => {
    // No resolution seen: (1e-12·1e6)² = 1e-12.
    expect(varianceFloor(noiseWith({ resolution: 0 }), 1e6)).toBeCloseTo(1e-12, 24);
    // A resolution finer than the magnitude's precision does not count: (1e-12·1e9)² = 1e-6 > (1e-9/2)².
    expect(varianceFloor(noiseWith({ resolution: 1e-9 }), 1e9)).toBeCloseTo(1e-6, 18);
    // A series of exact zeros.
    expect(varianceFloor(noiseWith({ resolution: 0 }), 0)).toBe(1e-300);
  });
});

describe("learnVariance", () => {
  it("learns one point late: the first call only stores z² as pending", () => {
    const noise = noiseWith({ variance: 2, dof: 10, pending: -1 });
    learnVariance(noise, 4, 0.02, 100);
    expect(noise).toMatchObject({ variance: 2, dof: 10, pending: 4 });
  });

  it("applies West and Harrison's update with the discounted dof at the next point", () => {
    const noise = noiseWith({ variance: 2, dof: 10, pending: 4 });
    learnVariance(noise, 0.5, 0.02, 100);
    // n ← 0.98·10 + 1 = 10.8; V ← 2·(1 + (4 − 1)/10.8) = 2.5555…; the new z² waits.
    expect(noise.dof).toBeCloseTo(10.8, 12);
    expect(noise.variance).toBeCloseTo(2 * (1 + 3 / 10.8), 12);
    expect(noise.pending).toBe(0.5);
    learnVariance(noise, 1, 0.02, 100);
    // n ← 0.98·10.8 + 1 = 11.584; V ← V·(1 − 0.5/11.584).
    expect(noise.dof).toBeCloseTo(11.584, 12);
    expect(noise.variance).toBeCloseTo(2 * (1 + 3 / 10.8) * (1 - 0.5 / 11.584), 12);
  });

  it("lets n tend to 1/rate: 50 at rate 0.02", () => {
    const noise = noiseWith({ variance: 1, dof: 5, pending: 1 });
    for (let i = 0; i < 2000; i++) learnVariance(noise, 1, 0.02, 1);
    expect(noise.dof).toBeCloseTo(50, 6);
    // z² = 1 throughout: V does not move.
    expect(noise.variance).toBe(1);
  });

  it("caps a point's z² at 25, so one extreme value raises V by a bounded factor", () => {
    const noise = noiseWith({ variance: 1, dof: 10, pending: -1 });
    learnVariance(noise, 1e300, 0.02, 100);
    expect(noise.pending).toBe(LEARNING_CAP);
    learnVariance(noise, 1, 0.02, 100);
    // V ← 1·(1 + 24/10.8) = 3.222…
    expect(noise.variance).toBeCloseTo(1 + 24 / 10.8, 12);
  });

  it("never lets V fall below the data's floor", () => {
    // Resolution 1 gives a floor of 0.25; a perfect fit (z² = 0) would take 0.26 to 0.26·(1 − 1/10.8) = 0.236.
    const noise = noiseWith({ variance: 0.26, dof: 10, pending: 0, resolution: 1 });
    learnVariance(noise, 0, 0.02, 100);
    expect(noise.variance).toBe(0.25);
    // Without the resolution the precision floor of magnitude 100 is far lower.
    const unfloored = noiseWith({ variance: 0.26, dof: 10, pending: 0 });
    learnVariance(unfloored, 0, 0.02, 100);
    expect(unfloored.variance).toBeCloseTo(0.26 * (1 - 1 / 10.8), 12);
  });
});

describe("learnResolution", () => {
  it("keeps the smallest difference between distinct values", () => {
    const noise = noiseWith({});
    learnResolution(noise, 1.5, 1);
    expect(noise.resolution).toBe(0.5);
    learnResolution(noise, 3, 3.25);
    expect(noise.resolution).toBe(0.25);
    learnResolution(noise, 3, 3.75);
    expect(noise.resolution).toBe(0.25);
    // Equal values say nothing of the resolution.
    learnResolution(noise, 7, 7);
    expect(noise.resolution).toBe(0.25);
  });

  it("ignores differences below 1e-12 of the values' magnitude (floating-point rounding)", () => {
    const noise = noiseWith({});
    // 0.1 + 0.2 − 0.3 = 5.6e-17, below 1e-12·0.3.
    learnResolution(noise, 0.1 + 0.2, 0.3);
    expect(noise.resolution).toBe(0);
    // At magnitude 1e6 the limit is 1e-6: 5e-7 is rounding, 2e-6 is data.
    learnResolution(noise, 1e6 + 5e-7, 1e6);
    expect(noise.resolution).toBe(0);
    learnResolution(noise, 1e6 + 2e-6, 1e6);
    // (2.000015e-6: 1e6 + 2e-6 is itself rounded to the nearest double.)
    expect(noise.resolution).toBe(1e6 + 2e-6 - 1e6);
    expect(noise.resolution).toBeCloseTo(2e-6, 10);
  });
});

/** Feeds pairs (previous residual, deviation) to learnAutocorrelation, one interval apart. */
function learnPairs(noise: NoiseState, pairs: Iterable<[number, number]>, elapsed = 1): number[] {
  const path: number[] = [];
  for (const [previous, deviation] of pairs) {
    noise.previousResidual = previous;
    learnAutocorrelation(noise, deviation, elapsed);
    path.push(noise.autocorrelation);
  }
  return path;
}

function* ar1(seed: number, phi: number, length: number): Generator<[number, number]> {
  const random = seededRandom(seed);
  let previous = random.normal();
  for (let t = 0; t < length; t++) {
    const next = phi * previous + Math.sqrt(1 - phi * phi) * random.normal();
    yield [previous, next];
    previous = next;
  }
}

const mean = (values: readonly number[]) => values.reduce((s, x) => s + x, 0) / values.length;

describe("learnAutocorrelation", () => {
  it("learns an AR(1) φ = 0.8, shrunk by its prior as documented", () => {
    // Marginal variance 1, innovation variance V = 1 − 0.8² = 0.36 (what V measures once the
    // mixture predicts with ρ). The discounted sums hold 1/0.01 = 100 points' worth of pairs, the
    // prior 20·V: ρ → 0.8·100/(100 + 20·0.36) = 0.746. (The prior never fades: with fading sums it
    // keeps its share.) Averaged over 18,000 points after a burn-in of 2,000.
    const path = learnPairs(noiseWith({ variance: 0.36 }), ar1(1, 0.8, 20_000));
    expect(mean(path.slice(2000))).toBeGreaterThan(0.72);
    expect(mean(path.slice(2000))).toBeLessThan(0.77);
  });

  it("learns about 0 on independent residuals, never below it", () => {
    const path = learnPairs(noiseWith({ variance: 1 }), ar1(2, 0, 20_000));
    // E[ρ] is about 0.02: the clip at 0 cuts off the negative half of the estimates' scatter.
    expect(mean(path.slice(2000))).toBeLessThan(0.04);
    expect(Math.min(...path)).toBe(0);
  });

  it("shrinks a short stretch towards 0", () => {
    // Five perfectly correlated pairs (1, 1): both sums are 1 + 0.99 + … + 0.99⁴ = 4.90099, the prior
    // 20·V = 20: ρ = 4.90099/24.90099 = 0.1968, not 1.
    const path = learnPairs(
      noiseWith({ variance: 1 }),
      Array.from({ length: 5 }, (): [number, number] => [1, 1]),
    );
    expect(path[4]).toBeCloseTo(4.90099 / 24.90099, 5);
  });

  it("learns only from regularly spaced pairs (elapsed at most 1.5 intervals)", () => {
    const noise = noiseWith({ variance: 1 });
    learnPairs(noise, [[1, 1]], 1.6);
    expect(noise).toMatchObject({ lagProduct: 0, lagSquare: 0, autocorrelation: 0 });
    learnPairs(noise, [[1, 1]], 1.5);
    // One pair: 1/(1 + 20).
    expect(noise.autocorrelation).toBeCloseTo(1 / 21, 12);
  });

  it("clips residuals at 4√V, so one outlier pair cannot set it", () => {
    const noise = noiseWith({ variance: 1 });
    learnPairs(noise, [[100, 100]]);
    // Clipped to (4, 4): ρ = 16/(16 + 20) = 0.444, not 10000/10020.
    expect(noise.autocorrelation).toBeCloseTo(16 / 36, 12);
  });

  it("clips ρ to [0, 0.95]", () => {
    const negative = noiseWith({ variance: 1 });
    learnPairs(
      negative,
      Array.from({ length: 500 }, (): [number, number] => [1, -1]),
    );
    expect(negative.lagProduct).toBeLessThan(-90);
    expect(negative.autocorrelation).toBe(0);
    // V = 1e-6: residuals 1 are clipped to 4e-3, both sums tend to 100·16e-6 = 1.6e-3 against a prior
    // of 2e-5, so the regression gives 0.988, taken as 0.95.
    const positive = noiseWith({ variance: 1e-6 });
    learnPairs(
      positive,
      Array.from({ length: 2000 }, (): [number, number] => [1, 1]),
    );
    expect(positive.lagProduct / (positive.lagSquare + 2e-5)).toBeGreaterThan(0.95);
    expect(positive.autocorrelation).toBe(0.95);
  });
});

describe("clip", () => {
  it("bounds a value on both sides", () => {
    expect(clip(5, 3)).toBe(3);
    expect(clip(-5, 3)).toBe(-3);
    expect(clip(2.5, 3)).toBe(2.5);
    expect(clip(-3, 3)).toBe(-3);
  });
});
