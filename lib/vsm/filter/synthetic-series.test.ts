import { describe, expect, it } from "vitest";
import { syntheticSeries, type Change, type SeriesOptions } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};
function lagOne(xs: readonly number[]): number {
  const m = mean(xs);
  let product = 0;
  let square = 0;
  for (let i = 0; i < xs.length; i++) {
    square += (xs[i]! - m) ** 2;
    if (i > 0) product += (xs[i]! - m) * (xs[i - 1]! - m);
  }
  return product / square;
}

/** The same seed with and without `extra`: the difference is exactly what `extra` adds. */
function added(extra: Partial<SeriesOptions>, base: SeriesOptions = { length: 8, level: 10, sigma: 2 }): number[] {
  const plain = syntheticSeries(seededRandom(1), base).values;
  const changed = syntheticSeries(seededRandom(1), { ...base, ...extra }).values;
  return changed.map((y, i) => Math.round((y - plain[i]!) * 1e9) / 1e9);
}

const N = 20_000;

describe("syntheticSeries", () => {
  it("repeats for a seed, differs between seeds, and samples every minute by default", () => {
    const a = syntheticSeries(seededRandom(1), { length: 5 });
    expect(a).toEqual(syntheticSeries(seededRandom(1), { length: 5 }));
    expect(a.values).not.toEqual(syntheticSeries(seededRandom(2), { length: 5 }).values);
    expect(a.times).toEqual([1, 2, 3, 4, 5].map((i) => i * MINUTE));
    expect(syntheticSeries(seededRandom(1), { length: 3, interval: HOUR }).times).toEqual([HOUR, 2 * HOUR, 3 * HOUR]);
  });

  it("scales each change by σ from its 1-based point", () => {
    const change = (c: Change) => added({ change: c });
    // σ = 2: a 2σ step adds 4 from point 3; a 0.5σ/pt slope adds 1, 2, 3 from point 6; an outlier only at its point.
    expect(change({ kind: "step", at: 3, size: 2 })).toEqual([0, 0, 4, 4, 4, 4, 4, 4]);
    expect(change({ kind: "slope", at: 6, size: 0.5 })).toEqual([0, 0, 0, 0, 0, 1, 2, 3]);
    expect(change({ kind: "outlier", at: 2, size: -5 })).toEqual([0, -10, 0, 0, 0, 0, 0, 0]);
  });

  it("normal noise has mean `level` and variance σ² and is independent", () => {
    const { values } = syntheticSeries(seededRandom(3), { length: N, level: 50, sigma: 2 });
    // Standard errors: mean 2/√N ≈ 0.014, variance 4·√(2/N) ≈ 0.04, lag-one 1/√N ≈ 0.007.
    expect(Math.abs(mean(values) - 50)).toBeLessThan(0.05);
    expect(variance(values)).toBeGreaterThan(3.85);
    expect(variance(values)).toBeLessThan(4.15);
    expect(Math.abs(lagOne(values))).toBeLessThan(0.03);
  });

  it("AR(1) noise keeps the marginal variance σ² with lag-one correlation φ", () => {
    const { values } = syntheticSeries(seededRandom(4), { length: N, level: 0, sigma: 3, noise: { kind: "ar", phi: 0.8 } });
    // Effective sample (1 − φ)/(1 + φ)·N ≈ 2,200: the variance's standard error is about 9·0.03 ≈ 0.27.
    expect(variance(values)).toBeGreaterThan(9 * 0.9);
    expect(variance(values)).toBeLessThan(9 * 1.1);
    expect(Math.abs(lagOne(values) - 0.8)).toBeLessThan(0.02);
    expect(Math.abs(mean(values))).toBeLessThan(0.3);
  });

  it("Student t noise has unit variance (in σ) and heavier tails than the normal", () => {
    const { values } = syntheticSeries(seededRandom(5), { length: N, level: 0, sigma: 1, noise: { kind: "student", dof: 5 } });
    expect(Math.abs(mean(values))).toBeLessThan(0.05);
    expect(variance(values)).toBeGreaterThan(0.9);
    expect(variance(values)).toBeLessThan(1.1);
    // Beyond 3 sds: 0.27% for the normal; for t₅ scaled to unit variance P(|T₅| > 3/√(3/5) = 3.87) ≈ 1.2%.
    const beyond = values.filter((x) => Math.abs(x) > 3).length / N;
    expect(beyond).toBeGreaterThan(0.008);
    expect(beyond).toBeLessThan(0.016);
  });

  it("Poisson noise gives whole counts of the given mean and variance about the level, σ ignored", () => {
    const { values } = syntheticSeries(seededRandom(6), { length: N, level: 20, sigma: 7, noise: { kind: "poisson", mean: 4 } });
    expect(values.every((x) => Number.isInteger(x))).toBe(true);
    // Poisson(4) − 4 about the level: mean 20, variance 4 (σ = 7 would give 49).
    expect(Math.abs(mean(values) - 20)).toBeLessThan(0.06);
    expect(variance(values)).toBeGreaterThan(3.8);
    expect(variance(values)).toBeLessThan(4.2);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(16);
  });

  it("keeps counts whole across a change", () => {
    const { values } = syntheticSeries(seededRandom(7), {
      length: 50,
      level: 3,
      sigma: 1,
      noise: { kind: "poisson", mean: 3 },
      change: { kind: "slope", at: 10, size: 0.3 },
    });
    expect(values.every((x) => Number.isInteger(x))).toBe(true);
  });

  it("adds a daily sine of the given amplitude in σ", () => {
    const base: SeriesOptions = { length: 1440, level: 10, sigma: 2 };
    const cycle = added({ daily: { amplitude: 3, shape: "sine" } }, base);
    // Point i is at i minutes: 6 h (point 360) is the peak 3σ = 6, 18 h (point 1080) the trough, 12 h zero.
    expect(cycle[359]).toBeCloseTo(6, 9);
    expect(cycle[1079]).toBeCloseTo(-6, 9);
    expect(cycle[719]).toBeCloseTo(0, 9);
    expect(cycle[1439]).toBeCloseTo(0, 9);
    expect(cycle[179]).toBeCloseTo(6 * Math.sin(Math.PI / 4), 9);
  });

  it("adds a daily square wave: the amplitude for the first half of each day, nothing in the second", () => {
    const base: SeriesOptions = { length: 2 * 1440, level: 10, sigma: 2 };
    const cycle = added({ daily: { amplitude: 1.5, shape: "square" } }, base);
    // Point i at i minutes; the first half-day is points 1–719 (720 min is exactly noon).
    expect(cycle.slice(0, 719).every((x) => x === 3)).toBe(true);
    expect(cycle.slice(719, 1439).every((x) => x === 0)).toBe(true);
    expect(cycle[1439]).toBe(3); // midnight starts the next day's first half
    expect(cycle.filter((x) => x === 3)).toHaveLength(1440);
  });

  it("samples irregularly: intervals within 0.5–1.5 typical intervals, plus gaps at the given rate", () => {
    const { times } = syntheticSeries(seededRandom(8), { length: N, interval: MINUTE, irregular: { gapProbability: 0.1, gap: 10 } });
    const intervals = times.slice(1).map((t, i) => (t - times[i]!) / MINUTE);
    expect(Math.min(...intervals)).toBeGreaterThanOrEqual(0.5 - 1 / MINUTE);
    expect(Math.max(...intervals)).toBeLessThan(1.5 + 10 + 1 / MINUTE);
    // A gap follows with probability 0.1 and pushes the interval beyond 1.5 unless u₁ + 10u₃ ≤ 1 (chance 0.05): share ≈ 0.095.
    const long = intervals.filter((x) => x > 1.5).length / intervals.length;
    expect(long).toBeGreaterThan(0.085);
    expect(long).toBeLessThan(0.105);
    // Mean interval 1 + 0.1·10/2 = 1.5 typical intervals.
    expect(mean(intervals)).toBeCloseTo(1.5, 1);
  });

  it("samples irregularly without gaps when their probability is 0", () => {
    const { times } = syntheticSeries(seededRandom(9), { length: 5000, interval: HOUR, irregular: { gapProbability: 0, gap: 100 } });
    const intervals = times.slice(1).map((t, i) => (t - times[i]!) / HOUR);
    expect(Math.max(...intervals)).toBeLessThan(1.5 + 1e-6);
    expect(Math.min(...intervals)).toBeGreaterThan(0.5 - 1e-6);
    expect(mean(intervals)).toBeCloseTo(1, 1);
    // Times are whole milliseconds, strictly increasing.
    expect(times.every((t) => Number.isInteger(t))).toBe(true);
    expect(times[times.length - 1]! / DAY).toBeGreaterThan(200);
  });
});
