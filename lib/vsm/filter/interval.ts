import { firstDifferences, median } from "@/lib/vsm/filter/estimate-variance";

/**
 * The typical sampling interval (docs/domain.md, "Time"): the filter's unit of time. It moves by
 * a tenth of the log ratio of each interval to it, at most 2% per point, so it settles exactly on
 * a regular rhythm while a gap (or a burst) moves it little: with one gap in every seven
 * intervals it sits about 3% above the regular interval.
 */

const GAIN = 0.1;
const MAX_STEP = Math.log(1.02);

export function trackInterval(typical: number, elapsed: number): number {
  if (!(elapsed > 0)) return typical;
  const step = GAIN * Math.log(elapsed / typical);
  return typical * Math.exp(step > MAX_STEP ? MAX_STEP : step < -MAX_STEP ? -MAX_STEP : step);
}

/** The median of the intervals between consecutive (strictly increasing) times: the warm-up's estimate. */
export function typicalInterval(times: readonly number[]): number {
  return median(firstDifferences(times));
}
