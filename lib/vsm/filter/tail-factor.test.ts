import { describe, expect, it } from "vitest";
import { emptyTail, learnTail, TAIL_SIZE, tailFactor } from "@/lib/vsm/filter/tail-factor";
import { seededRandom } from "@/lib/vsm/random";

/** As documented: memory 10,000 points (weights grow by 1/(1 − 1/10,000) a point), a prior of 500 points, threshold 2 sds. */
const MEMORY = 10_000;
const GROWTH = 1 / (1 - 1 / MEMORY);
const PRIOR = 500;
const THRESHOLD = 2;
/** 2Φ(−2): the normal share beyond 2 sds. */
const NORMAL_SHARE = 0.0455002638963584;

/**
 * The factor the histogram stands for, computed from the raw points: the weighted quantile q of
 * the magnitudes (weights growing as the tail's do, the prior counting as PRIOR points below the
 * threshold) beyond which lies NORMAL_SHARE of the weight, over the threshold.
 */
function expectedFactor(magnitudes: readonly number[]): number {
  let weight = 1;
  const weights = magnitudes.map(() => (weight *= GROWTH));
  const allowed = NORMAL_SHARE * (PRIOR + weights.reduce((s, w) => s + w, 0));
  const order = magnitudes.map((_, i) => i).sort((a, b) => magnitudes[b]! - magnitudes[a]!);
  let above = 0;
  for (const i of order) {
    above += weights[i]!;
    if (above > allowed) return Math.max(magnitudes[i]! / THRESHOLD, 1);
  }
  return 1;
}

function learnAll(magnitudes: Iterable<number>): number[] {
  const tail = emptyTail();
  for (const m of magnitudes) learnTail(tail, m, THRESHOLD);
  return tail;
}

describe("emptyTail", () => {
  it("holds the total weight (the prior's 500 points), the current point's weight 1, then 20 empty bins", () => {
    expect(TAIL_SIZE).toBe(22);
    expect(emptyTail()).toEqual([500, 1, ...new Array<number>(20).fill(0)]);
    expect(tailFactor(emptyTail(), THRESHOLD)).toBe(1);
  });
});

describe("learnTail", () => {
  it("counts every point in the total and only those beyond the threshold in half-octave bins", () => {
    const tail = emptyTail();
    learnTail(tail, 1.9, THRESHOLD);
    expect(tail.slice(0, 2)).toEqual([500 + GROWTH, GROWTH]);
    expect(tail.slice(2).every((count) => count === 0)).toBe(true);
    // 3/2 = 1.5: 2·log₂ 1.5 = 1.17, bin 1; 1e9 sds is beyond the last bin's floor 2·2^9.5 and lands in it.
    learnTail(tail, 3, THRESHOLD);
    learnTail(tail, 1e9, THRESHOLD);
    expect(tail[3]).toBeCloseTo(GROWTH ** 2, 12);
    expect(tail[21]).toBeCloseTo(GROWTH ** 3, 12);
  });
});

describe("tailFactor", () => {
  it("stays at 1 for normal deviations", () => {
    const random = seededRandom(11);
    const tail = learnAll(Array.from({ length: 20_000 }, () => Math.abs(random.normal())));
    expect(Math.abs(tailFactor(tail, THRESHOLD) - 1)).toBeLessThan(0.05);
  });

  it("is the deviations' own 95.45% quantile over 2 for a heavy-tailed mix", () => {
    // 80% N(0, 1), 20% N(0, 9): P(|x| > q) = 0.8·2Φ(−q) + 0.2·2Φ(−q/3) = 0.0455 at q ≈ 3.62, factor ≈ 1.81.
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const magnitudes = Array.from({ length: 20_000 }, () => Math.abs(random.normal() * (random.next() < 0.2 ? 3 : 1)));
      const expected = expectedFactor(magnitudes);
      expect(expected).toBeGreaterThan(1.75);
      expect(expected).toBeLessThan(1.9);
      const factor = tailFactor(learnAll(magnitudes), THRESHOLD);
      // Within a bin's resolution (√2) by construction; measured within 1.3% (log interpolation in the bin).
      expect(Math.abs(Math.log(factor / expected))).toBeLessThan(Math.log(Math.SQRT2));
      expect(Math.abs(factor / expected - 1)).toBeLessThan(0.03);
    }
  });

  it("needs a burst to outweigh the prior's 500 points of normal behaviour", () => {
    // 20 values 5 sds out: 20 of 520 points' weight beyond 2, below the allowed 0.0455·520 = 23.7.
    expect(tailFactor(learnAll(new Array<number>(20).fill(10)), THRESHOLD)).toBe(1);
    // 30: count c = Σ g^t ≈ 30.04 of a total 500 + c; they sit in bin 4 (2·log₂ 5 = 4.64), whose
    // allowed share reaches (c − 0.0455·(500 + c))/c ≈ 0.197 of the way up: √2^4.197 = 4.28 (to the
    // precision of the tail's normalCdf, 1e-7).
    const count = Array.from({ length: 30 }, (_, t) => GROWTH ** (t + 1)).reduce((s, w) => s + w, 0);
    const within = (count - NORMAL_SHARE * (PRIOR + count)) / count;
    expect(tailFactor(learnAll(new Array<number>(30).fill(10)), THRESHOLD)).toBeCloseTo(Math.SQRT2 ** (4 + within), 5);
  });

  it("renormalises the growing weights without changing any result", () => {
    // Weights grow by GROWTH a point and are divided out once above 1e100: after
    // ln(1e100)/ln(GROWTH) = 2,302,469.96 points, i.e. at the 2,302,470th.
    const crossing = Math.ceil(Math.log(1e100) / -Math.log1p(-1 / MEMORY));
    expect(crossing).toBe(2_302_470);
    // A reference whose counts decay by (1 − 1/MEMORY) a point instead (the same shares, never large).
    const decaying = emptyTail();
    const tail = emptyTail();
    const random = seededRandom(5);
    const check = () => expect(Math.abs(tailFactor(tail, THRESHOLD) / tailFactor(decaying, THRESHOLD) - 1)).toBeLessThan(1e-9);
    for (let point = 1; point <= crossing + 1000; point++) {
      const magnitude = Math.abs(random.normal() * (random.next() < 0.1 ? 4 : 1));
      learnTail(tail, magnitude, THRESHOLD);
      decaying[0] = decaying[0]! / GROWTH + 1;
      if (magnitude >= THRESHOLD) {
        const bin = Math.min(Math.floor(2 * Math.log2(magnitude / THRESHOLD)), 19);
        for (let b = 2; b < TAIL_SIZE; b++) decaying[b] = decaying[b]! / GROWTH + (b === 2 + bin ? 1 : 0);
      } else {
        for (let b = 2; b < TAIL_SIZE; b++) decaying[b] = decaying[b]! / GROWTH;
      }
      if (point === crossing - 1) {
        // Not yet: GROWTH^2,302,469 = 1e100·GROWTH^−0.96 = 0.9999e100.
        expect(Math.abs(tail[1]! / GROWTH ** (crossing - 1) - 1)).toBeLessThan(1e-9);
        expect(tail[1]).toBeLessThanOrEqual(1e100);
        check();
      }
      if (point === crossing) {
        // Everything divided by the current weight: the point just learnt now weighs exactly 1.
        expect(tail[1]).toBe(1);
        check();
      }
    }
    check();
    expect(tailFactor(tail, THRESHOLD)).toBeGreaterThan(1.2);
    for (const count of tail) expect(Number.isFinite(count)).toBe(true);
  });
});
