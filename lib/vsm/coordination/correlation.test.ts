import { describe, expect, it } from "vitest";
import { autocorrelation, pearson } from "@/lib/vsm/coordination/correlation";

describe("pearson", () => {
  it("is ±1 on exact linear relations and matches a hand-computed value", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // Sxy = 3.5, Sxx = 5, Syy = 4.75.
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 4])).toBeCloseTo(3.5 / Math.sqrt(23.75), 12);
  });

  it("has no value without variation and refuses unequal lengths", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([], [])).toBeNull();
    expect(() => pearson([1], [1, 2])).toThrow(RangeError);
  });
});

describe("autocorrelation", () => {
  it("matches hand-computed values of an alternating series", () => {
    // Mean 0, Σd² = 4; lag 1: three products of −1 → −0.75; lag 2: two products of +1 → 0.5.
    expect(autocorrelation([1, -1, 1, -1], 1)).toBe(-0.75);
    expect(autocorrelation([1, -1, 1, -1], 2)).toBe(0.5);
  });

  it("has no value for a flat or too short series and needs a positive whole lag", () => {
    expect(autocorrelation([3, 3, 3], 1)).toBeNull();
    expect(autocorrelation([1, 2], 2)).toBeNull();
    expect(() => autocorrelation([1, 2, 3], 0)).toThrow(RangeError);
  });
});
