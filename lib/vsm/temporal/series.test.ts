import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { pruneSeries } from "@/lib/vsm/temporal/prune";
import { addPoints, emptySeries } from "@/lib/vsm/temporal/series";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 2, 1);

describe("temporal series", () => {
  it("keeps minutes, hours and days, with fewer buckets at each coarser resolution", () => {
    const points = Array.from({ length: 3 * 24 * 60 }, (_, i) => ({ at: t0 + i * MINUTE, value: i % 7 }));
    const series = addPoints(emptySeries(1), points);
    expect([series.minute.length, series.hour.length, series.day.length]).toEqual([4320, 72, 3]);
    expect(series.day.map((d) => d.count)).toEqual([1440, 1440, 1440]);
    expect(series.hour[0]!.count).toBe(60);
  });

  it("gives the same buckets whether points arrive at once or in out-of-order batches", () => {
    const points = [0, 10, 70, 3_700, 90_000].map((s, i) => ({ at: t0 + s * 1000, value: i }));
    const once = addPoints(emptySeries(0.5), points);
    const batched = addPoints(addPoints(emptySeries(0.5), points.slice(2)), points.slice(0, 2));
    expect(batched).toEqual(once);
  });

  it("rejects a bin width that is not positive", () => {
    expect(() => emptySeries(0)).toThrow(RangeError);
  });
});

describe("pruneSeries", () => {
  it("drops buckets older than each resolution's retention", () => {
    const now = t0 + 30 * DAY;
    const series = addPoints(emptySeries(1), [
      { at: now - 8 * DAY, value: 1 },
      { at: now - 1 * DAY, value: 2 },
    ]);
    const pruned = pruneSeries(series, now, DEFAULT_POLICY.retention); // 7 days, 90 days, 5 years
    expect(pruned.minute.map((b) => b.sum)).toEqual([2]);
    expect(pruned.hour.map((b) => b.sum)).toEqual([1, 2]);
    expect(pruned.day.map((b) => b.sum)).toEqual([1, 2]);
    expect(pruned.binWidth).toBe(1);
  });

  it("keeps a bucket while any part of it is within retention", () => {
    const series = addPoints(emptySeries(1), [{ at: t0, value: 1 }]);
    const retention = { minute: MINUTE, hour: HOUR, day: DAY };
    expect(pruneSeries(series, t0 + 2 * MINUTE - 1, retention).minute).toHaveLength(1);
    expect(pruneSeries(series, t0 + 2 * MINUTE, retention).minute).toHaveLength(0);
    expect(pruneSeries(series, t0 + 2 * HOUR, retention).hour).toHaveLength(0);
    expect(pruneSeries(series, t0 + 2 * HOUR, retention).day).toHaveLength(1);
  });
});
