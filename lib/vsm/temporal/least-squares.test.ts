import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitLine } from "@/lib/vsm/temporal/least-squares";

describe("fitLine", () => {
  it("recovers a perfect line with R² = 1", () => {
    const fit = fitLine([0, 1, 2, 3, 4].map((x) => ({ x, y: 2 * x + 1 })));
    expect(fit?.slope).toBeCloseTo(2, 12);
    expect(fit?.intercept).toBeCloseTo(1, 12);
    expect(fit?.r2).toBeCloseTo(1, 12);
    expect(fit?.n).toBe(5);
  });

  it("matches a hand-computed fit", () => {
    // x̄ = 2.5, ȳ = 3.75, Sxx = 5, Sxy = 3.5, Syy = 4.75: slope 0.7, intercept 2, R² = 12.25 / 23.75.
    const fit = fitLine([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 5 },
      { x: 4, y: 4 },
    ]);
    expect(fit?.slope).toBeCloseTo(0.7, 12);
    expect(fit?.intercept).toBeCloseTo(2, 12);
    expect(fit?.r2).toBeCloseTo(12.25 / 23.75, 12);
    // Residuals −0.7, 0.6, 0.9, −0.8: Σr² = 2.3 = Syy − slope·Sxy; s² = 2.3 / 2; se = √(s² / Sxx).
    expect(fit?.standardError).toBeCloseTo(Math.sqrt(1.15 / 5), 12);
    expect(fit?.df).toBe(2);
  });

  it("reads weights as precisions for the standard error: a bucket mean of k points counts once, k times as sure", () => {
    // Means 0, 3, 4 of 1, 4 and 9 points, weighted by count: the weighted residuals set the noise.
    const fit = fitLine([
      { x: 0, y: 0, weight: 1 },
      { x: 1, y: 3, weight: 4 },
      { x: 2, y: 4, weight: 9 },
    ])!;
    const mx = (0 + 4 + 18) / 14;
    const sxx = [0, 1, 2].reduce((s, x, i) => s + [1, 4, 9][i]! * (x - mx) ** 2, 0);
    const rss = [0, 3, 4].reduce((s, y, i) => s + [1, 4, 9][i]! * (y - fit.intercept - fit.slope * i) ** 2, 0);
    expect(fit.df).toBe(1);
    expect(fit.standardError).toBeCloseTo(Math.sqrt(rss / 1 / sxx), 12);
    // A perfect line leaves no noise.
    expect(fitLine([0, 1, 2, 3].map((x) => ({ x, y: 5 - x })))!.standardError).toBeCloseTo(0, 12);
  });

  it("treats a weight of k as k copies of the point and ignores zero weights", () => {
    const weighted = fitLine([
      { x: 0, y: 0, weight: 2 },
      { x: 1, y: 3 },
      { x: 5, y: 100, weight: 0 },
    ]);
    const copies = fitLine([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 1, y: 3 },
    ]);
    expect(weighted?.slope).toBeCloseTo(copies!.slope, 12);
    expect(weighted?.intercept).toBeCloseTo(copies!.intercept, 12);
    expect(weighted?.n).toBe(2);
  });

  it("keeps precision on epoch-millisecond x", () => {
    const t0 = Date.UTC(2025, 0, 1);
    const fit = fitLine(Array.from({ length: 60 }, (_, i) => ({ x: t0 + i * 60_000, y: 5 + i })));
    expect(fit!.slope * 60_000).toBeCloseTo(1, 9);
    expect(fit!.r2).toBeCloseTo(1, 9);
  });

  it("determines no line from one x and explains nothing in a flat y", () => {
    expect(fitLine([{ x: 1, y: 1 }])).toBeNull();
    expect(fitLine([])).toBeNull();
    expect(
      fitLine([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toBeNull();
    expect(
      fitLine([
        { x: 1, y: 4 },
        { x: 2, y: 4 },
      ]),
    ).toEqual({ slope: 0, intercept: 4, r2: null, n: 2, standardError: null, df: 0 });
  });

  it("rejects non-finite input and negative weights", () => {
    expect(() => fitLine([{ x: Number.NaN, y: 1 }])).toThrow(RangeError);
    expect(() => fitLine([{ x: 1, y: 1, weight: -1 }])).toThrow(RangeError);
  });

  it("keeps 0 ≤ R² ≤ 1", () => {
    const point = fc.record({ x: fc.integer({ min: -1000, max: 1000 }), y: fc.double({ min: -1e3, max: 1e3, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        const r2 = fitLine(points)?.r2;
        if (r2 === undefined || r2 === null) return;
        expect(r2).toBeGreaterThanOrEqual(0);
        expect(r2).toBeLessThanOrEqual(1);
      }),
    );
  });
});
