import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recommendDamping, smoothingForGain, smoothingGain } from "@/lib/vsm/coordination/damping";

describe("damping by exponential smoothing", () => {
  it("halves a two-sample alternation with α = 2/3", () => {
    // ω = π: |H| = α / (1 + (1 − α)) = (2/3) / (4/3) = 1/2.
    expect(smoothingForGain(2, 0.5)).toBeCloseTo(2 / 3, 12);
    expect(smoothingGain(2 / 3, 2)).toBeCloseTo(0.5, 12);
    expect(smoothingGain(1, 7)).toBeCloseTo(1, 12);
  });

  it("finds the α that leaves exactly the target gain, smaller for slower cycles", () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 200, noNaN: true }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (period, gain) => {
        const alpha = smoothingForGain(period, gain);
        expect(alpha).toBeGreaterThan(0);
        expect(alpha).toBeLessThanOrEqual(1);
        expect(smoothingGain(alpha, period)).toBeCloseTo(gain, 9);
        expect(smoothingForGain(period * 2, gain)).toBeLessThan(alpha);
      }),
    );
  });

  it("damps a simulated oscillation to the promised amplitude", () => {
    const period = 12;
    const alpha = smoothingForGain(period, 0.25);
    let smoothed = 0;
    const out: number[] = [];
    for (let t = 0; t < 1_200; t++) {
      smoothed = alpha * 4 * Math.sin((2 * Math.PI * t) / period) + (1 - alpha) * smoothed;
      out.push(smoothed);
    }
    const tail = out.slice(-120);
    expect((Math.max(...tail) - Math.min(...tail)) / 2).toBeCloseTo(4 * 0.25, 2);
  });

  it("recommends α with the residual amplitude, and rejects impossible inputs", () => {
    expect(recommendDamping(4, 2, 0.5)).toEqual({ alpha: expect.closeTo(2 / 3, 12), gain: 0.5, residualAmplitude: 2 });
    expect(() => smoothingForGain(1.5, 0.5)).toThrow(RangeError);
    expect(() => smoothingForGain(10, 1)).toThrow(RangeError);
    expect(() => smoothingForGain(10, 0)).toThrow(RangeError);
    expect(() => smoothingGain(0.5, Number.NaN)).toThrow(RangeError);
  });
});
