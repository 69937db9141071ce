import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { studentTCdf, studentTQuantile } from "@/lib/vsm/temporal/student-t";

const probability = fc.double({ min: 0.001, max: 0.999, noNaN: true });

describe("Student t", () => {
  it("matches published quantiles, including fractional df", () => {
    // Reference values from scipy.stats.t.ppf.
    const table: [number, number, number][] = [
      [0.975, 1, 12.706204736174694],
      [0.975, 2.5, 3.5746548420036817],
      [0.975, 7.3, 2.345066736547703],
      [0.975, 10, 2.228138851986274],
      [0.975, 30, 2.0422724563012378],
      [0.975, 1000, 1.9623390808264083],
      [0.995, 0.5, 4113.964588804174],
      [0.9, 4, 1.533206274058944],
      [0.6, 15, 0.25788530093726125],
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df) / t).toBeCloseTo(1, 10);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 10);
  });

  it("matches published CDF values", () => {
    expect(studentTCdf(1.5, 3)).toBeCloseTo(0.8847080673775886, 12);
    expect(studentTCdf(-2, 5.5)).toBeCloseTo(0.04837719511559252, 12);
    expect(studentTCdf(0.1, 100)).toBeCloseTo(0.5397277344520743, 12);
    expect(studentTCdf(30, 2)).toBeCloseTo(0.9994453686590201, 12);
    expect(studentTCdf(0, 4)).toBe(0.5);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 4)).toBe(1);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 4)).toBe(0);
  });

  it("equals the closed forms for 1, 2 and 4 degrees of freedom", () => {
    fc.assert(
      fc.property(probability, (p) => {
        const sign = Math.sign(p - 0.5);
        const a = 4 * p * (1 - p);
        const closed = [
          [1, Math.tan(Math.PI * (p - 0.5))],
          [2, (2 * p - 1) / Math.sqrt(2 * p * (1 - p))],
          [4, sign * 2 * Math.sqrt(Math.cos(Math.acos(Math.sqrt(a)) / 3) / Math.sqrt(a) - 1)],
        ] as const;
        for (const [df, t] of closed) expect(studentTQuantile(p, df)).toBeCloseTo(t, 8);
      }),
    );
  });

  it("is the inverse of its CDF and approaches the normal for large df", () => {
    fc.assert(
      fc.property(probability, fc.double({ min: 0.2, max: 500, noNaN: true }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      }),
    );
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959963984540054, 5);
  });

  it("rejects impossible arguments", () => {
    for (const df of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => studentTCdf(1, df)).toThrow(RangeError);
    for (const p of [0, 1, Number.NaN]) expect(() => studentTQuantile(p, 3)).toThrow(RangeError);
    expect(() => studentTCdf(Number.NaN, 3)).toThrow(RangeError);
  });
});
