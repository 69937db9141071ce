import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitHolt, holtForecast } from "@/lib/vsm/intelligence/holt";
import { fitHoltBest, HOLT_GRID } from "@/lib/vsm/intelligence/holt-parameters";

describe("Holt's linear trend", () => {
  it("matches a hand-computed fit and forecast", () => {
    // α = β = ½ on 1, 3, 4, 7: ℓ = 3, 4.5, 6.625; b = 2, 1.75, 1.9375; one-step errors −1, 0.75.
    const fit = fitHolt([1, 3, 4, 7], { alpha: 0.5, beta: 0.5 });
    expect(fit).toEqual({ alpha: 0.5, beta: 0.5, level: 6.625, trend: 1.9375, n: 4, sse: 1.5625, residualVariance: 0.78125 });
    // σ₂² = σ²(1 + (α + αβ)²) = 0.78125 × 1.5625; σ₃² adds (α + 2αβ)² = 1.
    expect(holtForecast(fit, 3)).toEqual([
      { step: 1, mean: 8.5625, variance: 0.78125 },
      { step: 2, mean: 10.5, variance: 1.220703125 },
      { step: 3, mean: 12.4375, variance: 0.78125 * 2.5625 },
    ]);
  });

  it("forecasts a perfect line exactly, with no spread, for any α and β", () => {
    const params = fc.record({ alpha: fc.double({ min: 0.01, max: 1, noNaN: true }), beta: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(params, fc.integer({ min: -50, max: 50 }), fc.integer({ min: -5, max: 5 }), (p, a, b) => {
        const values = Array.from({ length: 12 }, (_, t) => a + b * t);
        const fit = fitHolt(values, p);
        expect(fit.residualVariance).toBeCloseTo(0, 12);
        holtForecast(fit, 5).forEach((f) => expect(f.mean).toBeCloseTo(a + b * (11 + f.step), 9));
      }),
    );
  });

  it("has no spread to offer from two values, and checks its inputs", () => {
    expect(holtForecast(fitHolt([1, 2], { alpha: 0.5, beta: 0.5 }), 2)).toEqual([
      { step: 1, mean: 3, variance: null },
      { step: 2, mean: 4, variance: null },
    ]);
    expect(holtForecast(fitHolt([1, 2], { alpha: 1, beta: 0 }), 0)).toEqual([]);
    expect(() => fitHolt([1], { alpha: 0.5, beta: 0.5 })).toThrow(RangeError);
    expect(() => fitHolt([1, Number.NaN], { alpha: 0.5, beta: 0.5 })).toThrow(RangeError);
    expect(() => fitHolt([1, 2], { alpha: 0, beta: 0.5 })).toThrow(RangeError);
    expect(() => fitHolt([1, 2], { alpha: 0.5, beta: 1.5 })).toThrow(RangeError);
    expect(() => holtForecast(fitHolt([1, 2], { alpha: 0.5, beta: 0.5 }), 1.5)).toThrow(RangeError);
  });
});

describe("fitHoltBest", () => {
  const step = [...Array.from({ length: 20 }, () => 10), ...Array.from({ length: 20 }, () => 20)];

  it("picks the α and β with the least one-step error on the grid", () => {
    const best = fitHoltBest(step);
    for (const alpha of HOLT_GRID) for (const beta of HOLT_GRID) expect(best.sse).toBeLessThanOrEqual(fitHolt(step, { alpha, beta }).sse);
  });

  it("follows a level shift fast and trusts no trend in it", () => {
    const best = fitHoltBest(step);
    expect(best.alpha).toBeGreaterThanOrEqual(0.8);
    expect(best.beta).toBeLessThanOrEqual(0.1);
  });

  it("needs a grid", () => {
    expect(HOLT_GRID).toHaveLength(19);
    expect(() => fitHoltBest(step, [])).toThrow(RangeError);
  });
});
