import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decomposeEntropy } from "@/lib/vsm/temporal/entropy-decomposition";

describe("decomposeEntropy", () => {
  it("puts all variety between groups when each group is one state", () => {
    expect(decomposeEntropy([{ a: 1 }, { b: 1 }])).toEqual({ total: 1, within: 0, between: 1 });
  });

  it("puts all variety within groups when the groups are alike", () => {
    expect(
      decomposeEntropy([
        { a: 1, b: 1 },
        { a: 3, b: 3 },
      ]),
    ).toEqual({ total: 1, within: 1, between: 0 });
  });

  it("splits a mixed case by the chain rule", () => {
    // Pooled {2,2,4}/8: 1.5 bits; within: ½·1 + ½·0 = 0.5; between: the group split, 1 bit.
    expect(decomposeEntropy([{ a: 2, b: 2 }, { c: 4 }])).toEqual({ total: 1.5, within: 0.5, between: 1 });
  });

  it("has nothing to split without data", () => {
    expect(decomposeEntropy([])).toEqual({ total: 0, within: 0, between: 0 });
    expect(decomposeEntropy([{}, {}])).toEqual({ total: 0, within: 0, between: 0 });
  });

  it("keeps within + between = total with both parts ≥ 0", () => {
    const group = fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.nat({ max: 20 }));
    fc.assert(
      fc.property(fc.array(group, { maxLength: 6 }), (groups) => {
        const d = decomposeEntropy(groups);
        expect(d.within).toBeGreaterThanOrEqual(0);
        expect(d.between).toBeGreaterThanOrEqual(0);
        expect(d.within + d.between).toBeCloseTo(d.total, 9);
      }),
    );
  });
});
