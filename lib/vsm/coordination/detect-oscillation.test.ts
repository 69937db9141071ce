import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smoothingForGain } from "@/lib/vsm/coordination/damping";
import { detectOscillation } from "@/lib/vsm/coordination/detect-oscillation";
import { detrend } from "@/lib/vsm/coordination/detrend";
import { analyseOscillation } from "@/lib/vsm/coordination/oscillation";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 6, 1);
const window = { from: t0, to: t0 + 2 * 60 * MINUTE };
const series = (values: number[]) => values.map((value, k) => ({ at: t0 + k * MINUTE, value }));
/** A cosine of amplitude 3 and period 10 minutes, sampled each minute, on a slow rise. */
const hunting = series(Array.from({ length: 60 }, (_, k) => 50 + 0.1 * k + 3 * Math.cos((2 * Math.PI * k) / 10)));

describe("detectOscillation", () => {
  it("finds amplitude, period and the damping for a unit hunting around its trend", () => {
    const o = detectOscillation("acme/ops/a", hunting, window);
    expect(o.oscillating).toBe(true);
    expect(o.unit).toBe("acme/ops/a");
    expect(o.amplitude!).toBeCloseTo(3, 1);
    expect(o.period! / MINUTE).toBeCloseTo(10, 1);
    expect(o.swings).toBeGreaterThanOrEqual(10);
    expect(o.antiCorrelation!).toBeGreaterThan(0.8);
    expect(o.damping).toEqual({ alpha: smoothingForGain(o.periodSamples!, 0.5), gain: 0.5, residualAmplitude: o.amplitude! / 2 });
  });

  it("never flags a monotonic series, however uneven its steps", () => {
    // Increments alternating 1 and 0.1 zig-zag around the trend, but the unit never goes back.
    const uneven = series(Array.from({ length: 40 }, (_, k) => Math.floor(k / 2) * 1.1 + (k % 2)));
    const o = detectOscillation("u", uneven, window);
    expect(o.swings).toBeGreaterThan(30);
    expect(o.reversals).toBe(0);
    expect(o.oscillating).toBe(false);
    expect(o.damping).toBeNull();

    const steps = fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { maxLength: 80 });
    const gaps = fc.array(fc.integer({ min: 1, max: 10 * MINUTE }), { minLength: 80, maxLength: 80 });
    fc.assert(
      fc.property(steps, gaps, fc.boolean(), (ds, gs, up) => {
        let level = 0;
        let at = t0;
        const points = ds.map((d, i) => ({ at: (at += gs[i]!), value: (level += up ? d : -d) }));
        expect(detectOscillation("u", points, { from: t0, to: at + 1 }).oscillating).toBe(false);
      }),
    );
  });

  it("does not flag white noise: it turns often but has no regular cycle", () => {
    const r = seededRandom(11);
    const o = detectOscillation("u", series(Array.from({ length: 120 }, () => 10 + r.normal())), window);
    expect(o.reversals).toBeGreaterThan(40);
    expect(o.antiCorrelation!).toBeLessThan(0.3);
    expect(o.oscillating).toBe(false);
  });

  it("recovers the period under noise when the hysteresis ignores retraces the size of the noise", () => {
    const r = seededRandom(5);
    const noisy = series(Array.from({ length: 120 }, (_, k) => 3 * Math.cos((2 * Math.PI * k) / 12) + 0.3 * r.normal()));
    const plain = detectOscillation("u", noisy, window);
    const filtered = detectOscillation("u", noisy, window, { hysteresis: 1.5 });
    expect(plain.period! / MINUTE).toBeLessThan(11);
    expect(filtered.oscillating).toBe(true);
    expect(filtered.period! / MINUTE).toBeCloseTo(12, 0);
  });

  it("needs enough points and amplitude, and reads only the window", () => {
    const alternating = series([0, 1, 0, 1, 0, 1]);
    expect(detectOscillation("u", alternating, window).oscillating).toBe(false);
    expect(detectOscillation("u", alternating, window, { minPoints: 6 }).oscillating).toBe(true);
    expect(detectOscillation("u", hunting, window, { minAmplitude: 5 }).oscillating).toBe(false);
    const late = detectOscillation("u", hunting, { from: t0 + 55 * MINUTE, to: t0 + 60 * MINUTE });
    expect(late.points).toBe(5);
    expect(detectOscillation("u", [...hunting].reverse(), window).period).toBe(detectOscillation("u", hunting, window).period);
    expect(() => detectOscillation("u", hunting, window, { minSwings: 1 })).toThrow(RangeError);
  });

  it("has no self-correlation to measure when the swings underflow", () => {
    // Swings of one denormal: turns are visible, but their squares round to 0.
    const tiny = analyseOscillation(series(Array.from({ length: 12 }, (_, k) => (k % 2) * 5e-324)), { minPoints: 4 });
    expect(tiny.swings).toBeGreaterThanOrEqual(2);
    expect(tiny.antiCorrelation).toBeNull();
    expect(tiny.oscillating).toBe(false);
  });

  it("reports no amplitude or period with fewer than two turns", () => {
    expect(analyseOscillation(series([1, 2, 3, 2]))).toEqual({
      points: 4,
      reversals: 1,
      swings: 1,
      amplitude: null,
      period: null,
      periodSamples: null,
      antiCorrelation: null,
      oscillating: false,
    });
  });
});

describe("detrend", () => {
  it("removes the least-squares line, or the mean when there is no line", () => {
    expect(detrend(series([1, 3, 5])).map((r) => r + 0)).toEqual([0, 0, 0].map((z) => expect.closeTo(z, 9)));
    expect(detrend([{ at: 0, value: 5 }])).toEqual([0]);
    expect(
      detrend([
        { at: 0, value: 1 },
        { at: 0, value: 3 },
      ]),
    ).toEqual([-1, 1]);
  });
});
