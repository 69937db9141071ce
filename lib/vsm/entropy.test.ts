import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCounts, addCountsInto, countClasses, entropyOf, log2Count, shannonEntropy } from "@/lib/vsm/entropy";

describe("variety in bits", () => {
  it("gives log₂ of the number of distinct states", () => {
    expect(log2Count(8)).toBe(3);
    expect(log2Count(2)).toBe(1);
    expect(log2Count(1)).toBe(0);
    expect(log2Count(0)).toBe(0);
    expect(() => log2Count(-1)).toThrow(RangeError);
    expect(() => log2Count(2.5)).toThrow(RangeError);
  });

  it("gives the Shannon entropy of hand-computed distributions", () => {
    expect(shannonEntropy([2, 1, 1])).toBe(1.5); // {1/2, 1/4, 1/4}
    expect(shannonEntropy([1, 1, 1, 1])).toBe(2);
    expect(shannonEntropy([1, 3])).toBeCloseTo(0.5 + 0.75 * Math.log2(4 / 3), 15); // 0.8113 bits
    expect(shannonEntropy([5])).toBe(0);
  });

  it("ignores zero counts and gives an empty distribution no variety", () => {
    expect(shannonEntropy([1, 0, 1, 0])).toBe(1);
    expect(shannonEntropy([])).toBe(0);
    expect(shannonEntropy([0, 0])).toBe(0);
  });

  it("rejects counts that are not a distribution", () => {
    expect(() => shannonEntropy([1, -1])).toThrow(RangeError);
    expect(() => shannonEntropy([Number.NaN])).toThrow(RangeError);
    expect(() => shannonEntropy([Number.POSITIVE_INFINITY, 1])).toThrow(RangeError);
  });

  it("stays within 0 ≤ H ≤ log₂ n, reaching log₂ n exactly when uniform", () => {
    const counts = fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(counts, (cs) => {
        const h = shannonEntropy(cs);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(Math.log2(cs.length));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 50 }), (n, c) => {
        expect(shannonEntropy(Array.from({ length: n }, () => c))).toBeCloseTo(Math.log2(n), 12);
      }),
    );
  });

  it("depends on proportions only, not on volume", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100 }), { maxLength: 20 }), fc.integer({ min: 1, max: 9 }), (cs, k) => {
        expect(shannonEntropy(cs.map((c) => c * k))).toBeCloseTo(shannonEntropy(cs), 12);
      }),
    );
  });

  it("counts classes and adds distributions", () => {
    const counts = countClasses(["a", "b", "a", "c"], (x) => x);
    expect(counts).toEqual({ a: 2, b: 1, c: 1 });
    expect(entropyOf(counts)).toBe(1.5);
    expect(addCounts(counts, { a: 1, d: 4 })).toEqual({ a: 3, b: 1, c: 1, d: 4 });
    expect(counts).toEqual({ a: 2, b: 1, c: 1 });
  });

  it("adds a distribution into another in place", () => {
    const target: Record<string, number> = { a: 2, b: 1 };
    expect(addCountsInto(target, { a: 1, d: 4 })).toBe(target);
    expect(target).toEqual({ a: 3, b: 1, d: 4 });
  });
});
