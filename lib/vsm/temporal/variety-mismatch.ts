import type { Bucket } from "@/lib/vsm/temporal/bucket";
import { decomposeEntropy } from "@/lib/vsm/temporal/entropy-decomposition";
import type { LinearFit } from "@/lib/vsm/temporal/least-squares";
import { fitOverlappingLine } from "@/lib/vsm/temporal/overlap-fit";
import { bucketStart } from "@/lib/vsm/temporal/resolution";
import { checkConfidence, DEFAULT_CONFIDENCE, slopeInterval } from "@/lib/vsm/temporal/slope-significance";
import { checkWindow, type TimeWindow } from "@/lib/vsm/time-window";
import { DAY, type Millis } from "@/lib/vsm/types";

/**
 * Fast-scale vs slow-scale variety (docs/design.md §3.5). Over an S4 horizon of days, the variety of the
 * indicator's values splits into
 *   fast = H(V|day): the variety inside each day — the minute-by-minute reality S1/S2 handle (a day
 *          bucket's bins are exactly its minute buckets' bins pooled);
 *   slow = I(V;day): the variety between days — the movement the S4 day horizon sees.
 * mismatch = fast − slow. A mismatch that keeps growing says operations face variety the
 * strategic view averages away, which S5 needs to know — so "growing" is a claim, made only when
 * the trend's confidence interval lies above 0. Each point shares all but one day of its horizon
 * with the next, so the interval allows for that overlap (overlap-fit.ts); an ordinary fit would
 * call stationary noise growing in about a quarter of four-week windows.
 */
export type MismatchPoint = { at: Millis; days: number; fast: number; slow: number; mismatch: number };

export type MismatchTrend = {
  points: MismatchPoint[];
  /** Line through (day, mismatch): slope in bits per millisecond, standard error allowing for overlap. */
  trend: LinearFit | null;
  /** The same slope in bits per day, for people. */
  slopePerDay: number | null;
  /** Its confidence interval at `level`, bits per day; null when the points cannot give one. */
  intervalPerDay: { low: number; high: number } | null;
  level: number;
  /** The interval lies above 0: on stationary data this is said in at most (1 − level)/2 of windows. */
  growing: boolean;
};

export const DEFAULT_HORIZON_DAYS = 7;

function checkDays(days: readonly Bucket[], horizonDays: number) {
  if (!(Number.isInteger(horizonDays) && horizonDays >= 2)) throw new RangeError(`a horizon needs at least 2 days, got ${horizonDays}`);
  if (days.some((b) => b.resolution !== "day")) throw new RangeError("variety mismatch is measured on day buckets");
}

function mismatchOf(days: readonly Bucket[], at: Millis, horizonDays: number): MismatchPoint | null {
  const to = bucketStart(at, "day") + DAY;
  const from = to - horizonDays * DAY;
  const inside = days.filter((b) => b.start >= from && b.start < to);
  // With one day there is no "between days" to measure.
  if (inside.length < 2) return null;
  const { within, between } = decomposeEntropy(inside.map((b) => b.bins));
  return { at: to - DAY, days: inside.length, fast: within, slow: between, mismatch: within - between };
}

/** The mismatch over the `horizonDays` days ending with the day holding `at`; null with under 2 days of data. */
export function varietyMismatch(days: readonly Bucket[], at: Millis, horizonDays = DEFAULT_HORIZON_DAYS): MismatchPoint | null {
  checkDays(days, horizonDays);
  return mismatchOf(days, at, horizonDays);
}

/**
 * The mismatch for each day starting in the window, each over its trailing horizon, and its trend;
 * `level` is the confidence level of "growing" (DEFAULT_CONFIDENCE, 95 %, by default).
 */
export function mismatchTrend(
  days: readonly Bucket[],
  window: TimeWindow,
  horizonDays = DEFAULT_HORIZON_DAYS,
  level = DEFAULT_CONFIDENCE,
): MismatchTrend {
  checkDays(days, horizonDays);
  checkWindow(window);
  checkConfidence(level);
  const points: MismatchPoint[] = [];
  for (let day = bucketStart(window.from - 1, "day") + DAY; day < window.to; day += DAY) {
    const point = mismatchOf(days, day, horizonDays);
    if (point) points.push(point);
  }
  const trend = fitOverlappingLine(
    points.map((p) => ({ x: p.at, y: p.mismatch })),
    horizonDays * DAY,
  );
  const interval = trend && slopeInterval(trend, level);
  return {
    points,
    trend,
    slopePerDay: trend ? trend.slope * DAY : null,
    intervalPerDay: interval && { low: interval.low * DAY, high: interval.high * DAY },
    level,
    growing: interval !== null && interval.low > 0,
  };
}
