import { describe, expect, it } from "vitest";
import { chooseBinWidth } from "@/lib/pipeline/bin-width";

describe("chooseBinWidth", () => {
  it("takes a tenth of the first batch's spread, rounded down to a power of ten", () => {
    expect(chooseBinWidth([100, 130, 180])).toBe(1); // spread 80 → 8 → 1
    expect(chooseBinWidth([0.2, 0.45])).toBeCloseTo(0.01, 12); // spread 0.25 → 0.025 → 0.01
    expect(chooseBinWidth([10_000.5, 10_003])).toBeCloseTo(0.1, 12); // a large offset does not coarsen the bins
  });

  it("is never finer than 1 for whole numbers", () => {
    expect(chooseBinWidth([0, 2, 4, 6])).toBe(1); // spread 6 → 0.6 → 0.1, but counts have no fractions
    expect(chooseBinWidth([3])).toBe(1);
    expect(chooseBinWidth([3, 5.5])).toBeCloseTo(0.1, 12);
  });

  it("uses the order of magnitude of a single value", () => {
    expect(chooseBinWidth([250])).toBe(10);
    expect(chooseBinWidth([-0.004])).toBeCloseTo(0.0001, 12);
    expect(chooseBinWidth([7.5, 7.5, 7.5])).toBe(0.1);
  });

  it("falls back to 1 when nothing says more", () => {
    expect(chooseBinWidth([])).toBe(1);
    expect(chooseBinWidth([0])).toBe(1);
    expect(chooseBinWidth([0, 0])).toBe(1);
    expect(chooseBinWidth([Number.NaN])).toBe(1);
  });

  it("stays a usable positive number at the edges of the double range", () => {
    expect(chooseBinWidth([-Number.MAX_VALUE, Number.MAX_VALUE])).toBe(1);
    expect(chooseBinWidth([5e-324])).toBe(1);
    const width = chooseBinWidth([1e300, 2e300]);
    expect(width).toBeGreaterThan(0);
    expect(Number.isFinite(width)).toBe(true);
  });
});
