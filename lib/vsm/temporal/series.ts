import type { Point, Bucket } from "@/lib/vsm/temporal/bucket";
import { checkBinWidth } from "@/lib/vsm/temporal/binning";
import { coarsen, mergeBucketLists, rollUpPoints } from "@/lib/vsm/temporal/roll-up";

/**
 * The temporal state of one indicator: its roll-ups at each resolution, sorted by start. Hours are
 * built from minutes and days from hours, and each level is kept in its own right, so a level
 * outlives the pruning of the finer one beneath it.
 */
export type TemporalSeries = { binWidth: number; minute: Bucket[]; hour: Bucket[]; day: Bucket[] };

export function emptySeries(binWidth: number): TemporalSeries {
  return { binWidth: checkBinWidth(binWidth), minute: [], hour: [], day: [] };
}

/** The series with new raw points rolled into every resolution (points may arrive in any order). */
export function addPoints(series: TemporalSeries, points: readonly Point[]): TemporalSeries {
  const minute = rollUpPoints(points, series.binWidth);
  const hour = coarsen(minute, "hour");
  const day = coarsen(hour, "day");
  return {
    binWidth: series.binWidth,
    minute: mergeBucketLists(series.minute, minute),
    hour: mergeBucketLists(series.hour, hour),
    day: mergeBucketLists(series.day, day),
  };
}
