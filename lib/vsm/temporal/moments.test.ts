import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanOf, mergeMoments, NO_MOMENTS, varianceOf, type Moments } from "@/lib/vsm/temporal/moments";

function momentsOf(values: number[]): Moments {
  return values.reduce<Moments>((m, v) => mergeMoments(m, { count: 1, sum: v, m2: 0 }), NO_MOMENTS);
}

describe("mergeable moments", () => {
  it("give the mean and population variance of hand-computed values", () => {
    const m = momentsOf([2, 4, 4, 4, 5, 5, 7, 9]); // mean 5, variance 4
    expect(m).toEqual({ count: 8, sum: 40, m2: 32 });
    expect(meanOf(m)).toBe(5);
    expect(varianceOf(m)).toBe(4);
  });

  it("have nothing to say about no values", () => {
    expect(meanOf(NO_MOMENTS)).toBeNull();
    expect(varianceOf(NO_MOMENTS)).toBeNull();
    expect(mergeMoments(NO_MOMENTS, NO_MOMENTS)).toEqual(NO_MOMENTS);
  });

  it("merge in any split to the moments of the whole", () => {
    const values = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(values, fc.nat(), (vs, cut) => {
        const k = cut % (vs.length + 1);
        const merged = mergeMoments(momentsOf(vs.slice(0, k)), momentsOf(vs.slice(k)));
        const mean = vs.reduce((s, v) => s + v, 0) / vs.length;
        const m2 = vs.reduce((s, v) => s + (v - mean) ** 2, 0);
        expect(merged.count).toBe(vs.length);
        expect(merged.m2).toBeCloseTo(m2, Math.max(0, 6 - Math.ceil(Math.log10(m2 + 1))));
      }),
    );
  });
});
