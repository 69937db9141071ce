import { describe, expect, it } from "vitest";
import { normalQuantile } from "@/lib/vsm/intelligence/normal-quantile";
import { predictionIntervals } from "@/lib/vsm/intelligence/prediction-interval";

describe("normalQuantile", () => {
  it("matches tabulated z values in the centre and both tails", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 8);
  });

  it("is defined only strictly between 0 and 1", () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe("predictionIntervals", () => {
  it("gives mean ± z·σ for the 80 % and 95 % bands", () => {
    const [p80, p95] = predictionIntervals(10, 4);
    expect(p80!.level).toBe(0.8);
    expect(p80!.upper).toBeCloseTo(10 + 2 * 1.2815515655446004, 8);
    expect(p95!.lower).toBeCloseTo(10 - 2 * 1.959963984540054, 8);
    expect(predictionIntervals(3, 0, [0.5])).toEqual([{ level: 0.5, lower: 3, upper: 3 }]);
  });

  it("rejects impossible levels and variances", () => {
    expect(() => predictionIntervals(0, 1, [1])).toThrow(RangeError);
    expect(() => predictionIntervals(0, -1)).toThrow(RangeError);
  });
});
