import type { LevelShift } from "@/lib/vsm/filter/schemas";

/**
 * Sustained-shift detector: a two-sided CUSUM of the values against a slow reference level.
 * The filter's steady component follows a 3–4σ step with gain ≈ 0.2–0.3, so when the step's first
 * points are not extreme enough for the step regime it is absorbed without a signal (BENCHMARKS.md,
 * "Sustained shift"). The reference learns at rate 1/n falling to the policy's variance learning
 * rate, so within the detection window it stays where the level was before the change; the
 * CUSUM then adds up the evidence that the level has left it. Residuals are standardised by the
 * steady one-step predictive variance and clipped, so one outlier cannot carry the sum alone.
 */

/** Standardised residuals beyond this count as this much (Huber clipping): an outlier adds at most CLIP − k. */
const CLIP = 3;
/** Points the reference is worth when (re)started from the filter's level: C11 ≈ 0.2V. */
const PRIOR_POINTS = 5;
/** Points of reference learning after a (re)start before the sums run, so a reference still settling cannot page. */
const HOLD_POINTS = 20;

export function emptyLevelShift(): LevelShift {
  return { reference: 0, count: 0, up: 0, down: 0, upStart: 0, downStart: 0 };
}

/** A shift the CUSUM confirmed: its direction and the point its run began (the change point). */
export interface ShiftFound {
  direction: 1 | -1;
  start: number;
}

/**
 * Feeds one value with the filter's steady prediction f and its variance q (both before y);
 * returns a confirmed shift or null. `shift` is updated in place and restarts after a shift.
 */
export function updateLevelShift(shift: LevelShift, y: number, f: number, q: number, point: number, settings: { allowance: number; threshold: number }, rate: number): ShiftFound | null {
  if (shift.count === 0) {
    shift.reference = f;
    shift.count = PRIOR_POINTS;
  }
  const scale = Math.sqrt(q);
  const z = Math.max(-CLIP, Math.min(CLIP, (y - shift.reference) / scale));
  let found: ShiftFound | null = null;
  if (shift.count >= HOLD_POINTS) {
    if (shift.up === 0) shift.upStart = point;
    if (shift.down === 0) shift.downStart = point;
    shift.up = Math.max(0, shift.up + z - settings.allowance);
    shift.down = Math.max(0, shift.down - z - settings.allowance);
    if (shift.up > settings.threshold) found = { direction: 1, start: shift.upStart };
    else if (shift.down > settings.threshold) found = { direction: -1, start: shift.downStart };
  }
  if (found) {
    resetLevelShift(shift);
    return found;
  }
  shift.count += 1;
  const weight = Math.max(1 / shift.count, rate);
  shift.reference += weight * Math.max(-CLIP * scale, Math.min(CLIP * scale, y - shift.reference));
  return null;
}

/** The reference level y is judged against: the filter's prediction f when (re)starting, as updateLevelShift will set it. */
export function shiftReference(shift: LevelShift, f: number): number {
  return shift.count === 0 ? f : shift.reference;
}

/** How far the CUSUM has gone toward a shift, either way. */
export function shiftExtent(shift: LevelShift): number {
  return Math.max(shift.up, shift.down);
}

/** Restarts from the filter's level at the next point: after any confirmed step or slope the old reference is stale. */
export function resetLevelShift(shift: LevelShift): void {
  shift.count = 0;
  shift.up = 0;
  shift.down = 0;
}
