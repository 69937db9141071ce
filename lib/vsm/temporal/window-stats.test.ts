import { describe, expect, it } from "vitest";
import { rollUpPoints } from "@/lib/vsm/temporal/roll-up";
import { windowStats } from "@/lib/vsm/temporal/window-stats";
import { HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 5, 1, 12);
// One point every 10 s for an hour, value k/6 at the k-th point: a line rising 1 per minute.
const line = Array.from({ length: 360 }, (_, k) => ({ at: t0 + k * 10 * SECOND, value: k / 6 }));
const minutes = rollUpPoints(line, 1);
const hour = { from: t0, to: t0 + HOUR };

describe("windowStats", () => {
  it("gives the exact mean and variance of the raw points", () => {
    const s = windowStats(minutes, hour);
    expect(s.buckets).toBe(60);
    expect(s.count).toBe(360);
    expect(s.mean).toBeCloseTo(359 / 12, 10); // mean of k/6, k = 0…359
    expect(s.variance).toBeCloseTo((360 * 360 - 1) / 12 / 36, 8); // var(k) = (N²−1)/12, scaled by 1/6²
  });

  it("gives momentum as later-half mean minus earlier-half mean", () => {
    // Earlier half: k = 0…179, mean 89.5/6; later half: k = 180…359, mean 269.5/6; difference 30.
    expect(windowStats(minutes, hour).momentum).toBeCloseTo(30, 10);
  });

  it("fits the trend of a line with R² = 1 and its slope per millisecond", () => {
    const { trend } = windowStats(minutes, hour);
    expect(trend!.slope * MINUTE).toBeCloseTo(1, 10);
    expect(trend!.r2).toBeCloseTo(1, 10);
    expect(trend!.n).toBe(60);
  });

  it("measures the entropy of the window's values", () => {
    // Width-1 bins each hold the 6 points of one minute: 60 equal bins = log₂ 60 bits.
    expect(windowStats(minutes, hour).entropy).toBeCloseTo(Math.log2(60), 12);
  });

  it("counts only buckets starting in the window", () => {
    const s = windowStats(minutes, { from: t0 + 10 * MINUTE, to: t0 + 20 * MINUTE });
    expect(s.buckets).toBe(10);
    expect(s.mean).toBeCloseTo(14.9166666667, 8); // k = 60…119
  });

  it("reports nothing rather than NaN for an empty window or half", () => {
    expect(windowStats(minutes, { from: t0 - HOUR, to: t0 })).toEqual({
      window: { from: t0 - HOUR, to: t0 },
      buckets: 0,
      count: 0,
      mean: null,
      variance: null,
      momentum: null,
      trend: null,
      entropy: 0,
    });
    const halfEmpty = windowStats(minutes, { from: t0 + 30 * MINUTE, to: t0 + 150 * MINUTE });
    expect(halfEmpty.mean).not.toBeNull();
    expect(halfEmpty.momentum).toBeNull();
  });

  it("keeps the variance of large values with a small spread (no cancellation)", () => {
    const at = (k: number) => t0 + k * 20 * SECOND;
    const flat = rollUpPoints(
      Array.from({ length: 30 }, (_, k) => ({ at: at(k), value: 1e6 + 0.1 })),
      1,
    );
    expect(windowStats(flat, hour).variance).toBeLessThan(1e-12);
    // 1e9 and 1e9 + 1 alternating: variance 0.25, which Σx²/n − mean² loses entirely at this scale.
    const spread = rollUpPoints(
      Array.from({ length: 30 }, (_, k) => ({ at: at(k), value: 1e9 + (k % 2) })),
      1,
    );
    expect(windowStats(spread, hour).variance).toBeCloseTo(0.25, 6);
  });
});
