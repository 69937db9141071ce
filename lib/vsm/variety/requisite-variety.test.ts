import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { shannonEntropy } from "@/lib/vsm/entropy";
import { requisiteVariety, varietyBalance } from "@/lib/vsm/variety/requisite-variety";

const tolerance = DEFAULT_POLICY.variety.tolerance;

describe("requisite variety", () => {
  it("uses the policy tolerance of 0.5 bit", () => {
    expect(tolerance).toBe(0.5);
  });

  it("is balanced on both tolerance edges and outside them is under- or over-regulated", () => {
    expect(varietyBalance(0, tolerance)).toBe("balanced");
    expect(varietyBalance(0.5, tolerance)).toBe("balanced");
    expect(varietyBalance(-0.5, tolerance)).toBe("balanced");
    expect(varietyBalance(0.501, tolerance)).toBe("under-regulated");
    expect(varietyBalance(-0.501, tolerance)).toBe("over-regulated");
    expect(varietyBalance(0.1, 0)).toBe("under-regulated");
    expect(varietyBalance(0, 0)).toBe("balanced");
  });

  it("treats rounding noise at the edge as on the edge", () => {
    expect(varietyBalance(0.5 + 1e-12, tolerance)).toBe("balanced");
    expect(varietyBalance(-0.5 - 1e-12, tolerance)).toBe("balanced");
  });

  it("computes the deficit H(D) − H(R) from entropies", () => {
    const hD = shannonEntropy([1, 1, 1, 1]); // 2 bits
    expect(requisiteVariety(hD, shannonEntropy([2, 1, 1]), tolerance)).toEqual({
      disturbance: 2,
      regulatory: 1.5,
      deficit: 0.5,
      tolerance: 0.5,
      state: "balanced",
    });
    expect(requisiteVariety(3, 1, tolerance)).toMatchObject({ deficit: 2, state: "under-regulated" });
    expect(requisiteVariety(1, 3, tolerance)).toMatchObject({ deficit: -2, state: "over-regulated" });
  });

  it("rejects a negative or missing tolerance", () => {
    expect(() => varietyBalance(0, -0.1)).toThrow(RangeError);
    expect(() => varietyBalance(0, Number.NaN)).toThrow(RangeError);
  });
});
