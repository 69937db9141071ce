import { describe, expect, it } from "vitest";
import { crossScaleView, DEFAULT_SPANS } from "@/lib/vsm/temporal/cross-scale";
import { addPoints, emptySeries } from "@/lib/vsm/temporal/series";
import { compareSlopes } from "@/lib/vsm/temporal/slope-agreement";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 0, 1);
const now = t0 + 40 * DAY - 1;
// One point a minute for 40 days, rising 1 per hour.
const rising = Array.from({ length: 40 * 1440 }, (_, i) => ({ at: t0 + i * MINUTE, value: i / 60 }));
const risingSeries = addPoints(emptySeries(1), rising);

describe("compareSlopes", () => {
  it("agrees when signs match and magnitudes are within the relative tolerance", () => {
    expect(compareSlopes(2, 1.5, 0.5)).toEqual({ fast: 2, slow: 1.5, sameSign: true, relativeDifference: 0.25, agree: true });
    expect(compareSlopes(2, 1, 0.5)).toMatchObject({ relativeDifference: 0.5, agree: true });
    expect(compareSlopes(2, 0.5, 0.5)).toMatchObject({ relativeDifference: 0.75, agree: false });
    expect(compareSlopes(1, -1, 5)).toMatchObject({ sameSign: false, relativeDifference: 2, agree: false });
    expect(compareSlopes(0, 0, 0)).toMatchObject({ sameSign: true, relativeDifference: null, agree: true });
    expect(compareSlopes(0, 1, 1)).toMatchObject({ sameSign: false, agree: false });
    expect(() => compareSlopes(1, 1, -0.1)).toThrow(RangeError);
  });
});

describe("crossScaleView", () => {
  it("sees the same slope at minute, hour and day resolution on a steady rise", () => {
    const view = crossScaleView(risingSeries, now);
    for (const resolution of ["minute", "hour", "day"] as const) {
      expect(view.stats[resolution].trend!.slope * HOUR).toBeCloseTo(1, 6);
    }
    expect(view.stats.minute.buckets).toBe(60);
    expect(view.stats.hour.buckets).toBe(24);
    expect(view.stats.day.buckets).toBe(30);
    expect(view.pairs.map((p) => [p.fast, p.slow, p.agreement?.agree])).toEqual([
      ["minute", "hour", true],
      ["hour", "day", true],
    ]);
  });

  it("flags a turn the slower scale has not seen: the last hour falls while the day rises", () => {
    const lastHour = now - HOUR + 1;
    const turned = rising.map((p) => (p.at >= lastHour ? { ...p, value: 2 * (lastHour - t0) / HOUR - p.value } : p));
    const view = crossScaleView(addPoints(emptySeries(1), turned), now);
    expect(view.stats.minute.trend!.slope).toBeLessThan(0);
    expect(view.pairs[0]!.agreement).toMatchObject({ sameSign: false, agree: false });
    expect(view.pairs[1]!.agreement!.sameSign).toBe(true);
  });

  it("takes spans and tolerance as options and has no agreement without trends", () => {
    expect(DEFAULT_SPANS).toEqual({ minute: HOUR, hour: DAY, day: 30 * DAY });
    const view = crossScaleView(risingSeries, now, { spans: { minute: 10 * MINUTE, hour: 6 * HOUR, day: 7 * DAY }, tolerance: 0 });
    expect(view.stats.minute.buckets).toBe(10);
    expect(view.stats.day.buckets).toBe(7);
    const empty = crossScaleView(emptySeries(1), now);
    expect(empty.pairs.map((p) => p.agreement)).toEqual([null, null]);
  });
});
