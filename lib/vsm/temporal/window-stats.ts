import { addCounts, entropyOf } from "@/lib/vsm/entropy";
import { bucketMean, bucketTime, type Bucket } from "@/lib/vsm/temporal/bucket";
import { fitLine, type LinearFit } from "@/lib/vsm/temporal/least-squares";
import { meanOf, mergeMoments, NO_MOMENTS, varianceOf, type Moments } from "@/lib/vsm/temporal/moments";
import { checkWindow, inWindow, type TimeWindow } from "@/lib/vsm/time-window";

/** What one resolution says about one window (docs/design.md §3.5). */
export type WindowStats = {
  window: TimeWindow;
  /** Buckets whose start falls in the window. */
  buckets: number;
  /** Raw points those buckets hold. */
  count: number;
  /** Mean and population variance of the raw values, exact from the buckets' moments; null when empty. */
  mean: number | null;
  variance: number | null;
  /** Mean of the later half of the window minus mean of the earlier half; null unless both have data. */
  momentum: number | null;
  /**
   * Least-squares line through the bucket means at their points' mean times, weighted by count:
   * slope in value per millisecond, R² how well a line explains the series at this resolution.
   */
  trend: LinearFit | null;
  /** Entropy of the window's values in bits, from the merged value bins. */
  entropy: number;
};

function momentsOf(buckets: readonly Bucket[]): Moments {
  return buckets.reduce<Moments>((m, b) => mergeMoments(m, b), NO_MOMENTS);
}

export function windowStats(buckets: readonly Bucket[], window: TimeWindow): WindowStats {
  checkWindow(window);
  const inside = buckets.filter((b) => inWindow(b.start, window));
  const moments = momentsOf(inside);
  const bins = inside.reduce<Record<string, number>>((acc, b) => addCounts(acc, b.bins), {});
  const middle = window.from + (window.to - window.from) / 2;
  const older = meanOf(momentsOf(inside.filter((b) => b.start < middle)));
  const recent = meanOf(momentsOf(inside.filter((b) => b.start >= middle)));
  return {
    window,
    buckets: inside.length,
    count: moments.count,
    mean: meanOf(moments),
    variance: varianceOf(moments),
    momentum: older === null || recent === null ? null : recent - older,
    trend: fitLine(inside.map((b) => ({ x: bucketTime(b), y: bucketMean(b), weight: b.count }))),
    entropy: entropyOf(bins),
  };
}
