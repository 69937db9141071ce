import { describe, expect, it } from "vitest";
import { INDEX_KINDS } from "@/lib/vsm/model/kinds";
import { isRatioIndex, ratio, seriesValue, tripleIndex } from "@/lib/vsm/triple-index";

describe("triple index (docs/design.md §3.1)", () => {
  it("computes productivity A/C, latency C/P and performance A/P, with performance = productivity × latency", () => {
    const index = tripleIndex({ actuality: 60, capability: 80, potentiality: 100 });
    expect(index).toEqual({ productivity: 0.75, latency: 0.8, performance: 0.6 });
    expect(index.productivity! * index.latency!).toBeCloseTo(index.performance!, 12);
  });

  it("is undefined, never NaN or Infinity, where a ratio cannot be formed", () => {
    expect(tripleIndex({ actuality: 5, capability: 0, potentiality: 10 })).toEqual({
      productivity: undefined,
      latency: 0,
      performance: 0.5,
    });
    expect(tripleIndex({ actuality: 0, capability: 0, potentiality: 0 })).toEqual({
      productivity: undefined,
      latency: undefined,
      performance: undefined,
    });
    expect(ratio(1, Number.NaN)).toBeUndefined();
    expect(ratio(Number.POSITIVE_INFINITY, 2)).toBeUndefined();
    expect(ratio(Number.NaN, 2)).toBeUndefined();
    // Finite operands whose quotient overflows.
    expect(ratio(1e308, 1e-308)).toBeUndefined();
    expect(ratio(-3, 4)).toBe(-0.75);
    expect(ratio(0, 4)).toBe(0);
  });

  it("selects the filtered series value by index kind", () => {
    const reference = { capability: 200, potentiality: 250 };
    expect(seriesValue("productivity", 150, reference)).toBe(0.75);
    expect(seriesValue("latency", 150, reference)).toBe(0.8);
    expect(seriesValue("performance", 150, reference)).toBe(0.6);
    expect(seriesValue("raw", 150, reference)).toBe(150);
    expect(seriesValue("raw", Number.NaN, reference)).toBeUndefined();
    expect(seriesValue("productivity", 150, { capability: 0, potentiality: 250 })).toBeUndefined();
  });

  it("knows which kinds are ratios judged against the capability floor", () => {
    expect(INDEX_KINDS.filter(isRatioIndex)).toEqual(["productivity", "latency", "performance"]);
  });
});
