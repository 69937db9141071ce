import { clip } from "@/lib/vsm/filter/noise";
import { createProfile, learnProfile, readProfile } from "@/lib/vsm/filter/seasonal-profile";
import type { FilterState, SeasonState, Shadow } from "@/lib/vsm/filter/schemas";
import { DAY } from "@/lib/vsm/types";

/**
 * Daily and weekly cycles (docs/domain.md, "Seasonality"). Both profiles are always learnt; the
 * filter sees one removed only once it has proved itself: three shadow references, one on the raw
 * series and one on each deseasonalised series, follow it as slowly as the change tests'
 * reference does, and a profile is used while its shadow strays less from the series than the
 * one in use does, by a margin. What a cycle costs is the deviations it puts between a slow
 * reference and the series — exactly what the change tests read — so a cycle of any shape that
 * would otherwise be paged, or would hide a change, is learnt and expected.
 */

const WEEK = 7 * DAY;
/** The candidates after "none": period and the most nodes its profile gets (every 5 minutes, every half hour). */
const CANDIDATES = [
  { period: DAY, nodes: 288 },
  { period: WEEK, nodes: 336 },
] as const;
/** A profile is eligible after two of its periods: one to learn, one to prove itself. */
const PERIODS_BEFORE_USE = 2;
/** Memory of the shadows' mean square deviations. */
const ERROR_MEMORY = DAY;
/** A candidate replaces the one in use only when its shadow's RMS deviation is this much smaller (compared as mean squares). */
const MARGIN = 0.1;
const MARGIN_SQUARED = (1 - MARGIN) ** 2;
/** A shadow learns from deviations at most this many times its RMS deviation. */
const SHADOW_PULL = 10;
/** The baseline moves by at most this many of the profile's spreads per point. */
const BASELINE_PULL = 10;
/** A profile's baseline follows the deseasonalised series with this time constant, as a share of the period. */
const BASELINE_SHARE = 0.25;

export function createSeason(): SeasonState {
  const shadow = (): Shadow => ({ level: 0, error: 1 });
  return { active: 0, since: 0, profiles: [null, null], shadows: [shadow(), shadow(), shadow()] };
}

/** Starts learning at the end of the warm-up, at the typical interval it found. */
export function startSeason(season: SeasonState, time: number, value: number, interval: number, sd: number): void {
  season.since = time;
  season.profiles = CANDIDATES.map((c) => createProfile(c.period, c.nodes, interval, value, sd));
  for (const shadow of season.shadows) {
    shadow.level = value;
    shadow.error = Math.max(sd * sd, Number.MIN_VALUE);
  }
}

/** The seasonal part of candidate c (0: none) at `time`. */
export function seasonalValue(season: SeasonState, candidate: number, time: number): number {
  const profile = candidate === 0 ? null : season.profiles[candidate - 1];
  return profile ? readProfile(profile, time) : 0;
}

/** One value, with the step's timing, the gain the shadows follow with (the reference's) and V's floor (the data's resolution). */
export interface SeasonStep {
  time: number;
  value: number;
  floor: number;
  /** Elapsed time since the last point, and the typical interval. */
  elapsedTime: number;
  interval: number;
  gain: number;
}

/**
 * Learns from one value (after it was predicted) and returns the candidate to use from now on.
 * The caller moves the mixture's level when that changes (switchSeason).
 */
export function stepSeason(season: SeasonState, step: SeasonStep): number {
  const decay = Math.exp(-step.elapsedTime / ERROR_MEMORY);
  for (let c = 0; c < season.shadows.length; c++) {
    if (c > 0 && !season.profiles[c - 1]) continue;
    trackShadow(season.shadows[c]!, step.value - seasonalValue(season, c, step.time), step, decay);
  }
  for (const profile of season.profiles) {
    if (!profile) continue;
    const seasonal = readProfile(profile, step.time);
    const rate = 1 - Math.exp(-step.elapsedTime / (BASELINE_SHARE * profile.period));
    profile.baseline += rate * clip(step.value - seasonal - profile.baseline, BASELINE_PULL * profile.spread);
    learnProfile(profile, step.time, step.value - profile.baseline, step.interval, step.elapsedTime, Math.sqrt(step.floor));
  }
  return chooseCandidate(season, step.time);
}

/**
 * One step of a shadow: a slow reference, whose deviations from the series enter a discounted mean
 * square (so the large ones at a cycle's sharp edges count, which a mean absolute deviation would
 * dilute). Each deviation is bounded at SHADOW_PULL of the shadow's RMS before it enters, so one
 * extreme value cannot decide or derail it.
 */
function trackShadow(shadow: Shadow, x: number, step: SeasonStep, decay: number): void {
  const deviation = clip(x - shadow.level, SHADOW_PULL * Math.sqrt(shadow.error));
  // Floored at the data's resolution, so a long constant stretch cannot shrink it to zero (and the bound with it).
  shadow.error = Math.max(step.floor, decay * shadow.error + (1 - decay) * deviation * deviation);
  shadow.level += step.gain * deviation;
}

/** The candidate in use, replaced by an eligible one whose shadow errs less by the margin. */
function chooseCandidate(season: SeasonState, time: number): number {
  let best = season.active;
  let bestError = season.shadows[best]!.error;
  for (let c = 0; c < season.shadows.length; c++) {
    const profile = c === 0 ? null : season.profiles[c - 1];
    if (c > 0 && (!profile || time - season.since < PERIODS_BEFORE_USE * profile.period)) continue;
    const error = season.shadows[c]!.error;
    if (c !== season.active && error < MARGIN_SQUARED * bestError) {
      best = c;
      bestError = error;
    }
  }
  return best;
}

/**
 * Puts another candidate in use from `time`: the mixture's levels, the previous input and the
 * change tests' reference move by the difference in seasonal part, so the deseasonalised series
 * stays continuous and no change is seen where only the baseline changed.
 */
export function switchSeason(state: FilterState, next: number, time: number): void {
  const { season } = state;
  const shift = seasonalValue(season, next, time) - seasonalValue(season, season.active, time);
  for (let j = 0; j < 4; j++) state.means[2 * j] = state.means[2 * j]! - shift;
  state.noise.previousInput -= shift;
  state.test.reference -= shift;
  if (state.episode) state.episode.reference -= shift;
  for (const known of state.levels) known.level -= shift;
  if (state.normal) state.normal.level -= shift;
  season.active = next;
}
