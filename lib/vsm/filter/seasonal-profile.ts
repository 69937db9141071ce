import { clip } from "@/lib/vsm/filter/noise";
import type { SeasonalProfile } from "@/lib/vsm/filter/schemas";

/**
 * A seasonal profile (docs/domain.md, "Seasonality"): the expected departure from the baseline at
 * each phase of a period, as values at evenly spaced nodes read by linear interpolation (so it has
 * no steps between nodes), always with mean zero. It learns like a running mean per node that
 * settles into averaging over the last few periods, with each point's pull bounded.
 */

/** Each node averages over about this many of its last periods once it has seen them. */
const PERIODS = 4;
/** A point pulls a node by at most this many mean absolute deviations of what the profile learns from. */
const PULL = 3;
/**
 * Weight of the newest deviation in that mean absolute deviation, per point. It starts from the
 * noise's sd and grows by 2% a point while deviations sit at the bound, so a cycle much larger
 * than the noise is still learnt within its first period or two.
 */
const SPREAD_RATE = 0.01;
/** A period with fewer nodes than this cannot show a shape worth learning at this sampling rate. */
const MIN_NODES = 8;

/** A profile for `period` at the given typical interval, or null when the interval is too coarse for it. */
export function createProfile(
  period: number,
  maxNodes: number,
  interval: number,
  baseline: number,
  spread: number,
): SeasonalProfile | null {
  const nodes = Math.min(maxNodes, Math.floor(period / interval));
  if (!(nodes >= MIN_NODES)) return null;
  return { period, baseline, values: new Array<number>(nodes).fill(0), visits: 0, sum: 0, spread };
}

/** Where `time` falls: the node before it and the fraction of the way to the next one. */
function locate(profile: SeasonalProfile, time: number): { node: number; fraction: number } {
  const nodes = profile.values.length;
  const phase = (((time % profile.period) + profile.period) % profile.period) * (nodes / profile.period);
  const node = Math.min(Math.floor(phase), nodes - 1);
  return { node, fraction: phase - node };
}

/** The profile's value at `time`, with the profile's mean removed. */
export function readProfile(profile: SeasonalProfile, time: number): number {
  const { node, fraction } = locate(profile, time);
  const { values } = profile;
  const next = node + 1 === values.length ? 0 : node + 1;
  return (1 - fraction) * values[node]! + fraction * values[next]! - profile.sum / values.length;
}

/**
 * Moves the profile towards `target` (the value's departure from the baseline) at `time`. The
 * two nodes either side move by their interpolation weight times 1/(visits per node so far),
 * capped below at about PERIODS periods' worth of visits, so the first period sets the profile
 * and later ones refine it as a running mean that forgets.
 */
export function learnProfile(
  profile: SeasonalProfile,
  time: number,
  target: number,
  interval: number,
  elapsed: number,
  floor: number,
): void {
  const { node, fraction } = locate(profile, time);
  const { values } = profile;
  const next = node + 1 === values.length ? 0 : node + 1;
  const error = target - readProfile(profile, time);
  const bounded = clip(error, PULL * profile.spread);
  // Never below the data's resolution: a long constant stretch must not shrink the bound to nothing.
  profile.spread = Math.max(floor, profile.spread + SPREAD_RATE * (Math.abs(bounded) - profile.spread));
  // Visits per node so far: periods seen (in time) times points per node per period.
  const perNode = profile.period / values.length / interval;
  profile.visits = Math.min(profile.visits + elapsed / profile.period, PERIODS);
  const rate = 1 / Math.max(profile.visits * perNode, 1);
  move(profile, node, (1 - fraction) * rate * bounded);
  move(profile, next, fraction * rate * bounded);
}

function move(profile: SeasonalProfile, node: number, change: number): void {
  profile.values[node] = profile.values[node]! + change;
  profile.sum += change;
}
