import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent, FilterOutput } from "@/lib/vsm/filter/filter-output";
import { learnResolution } from "@/lib/vsm/filter/noise";
import { resetFilter } from "@/lib/vsm/filter/reset-filter";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { valenceOf } from "@/lib/vsm/filter/valence";

/**
 * Values beyond any scale the state describes (docs/domain.md, "Robustness"): 1e200 in a series
 * of tens, a counter's 2^64 − 1. Such a value is annotated and held back from the state, so it
 * can neither poison V nor drag the level; when the next value agrees with it (the series now
 * lives at another scale — a counter that sat at 0 for weeks reads 3), that is a change, and it
 * pages (`confirmed`); then the filter restarts its warm-up from the two and says so (`reset`).
 */

/** How many of the state's sds away a value must be to be beyond its scale. */
export const EXTREME = 1e6;
/** The second value agrees with the first when it is nearer to it than this share of the first's distance from the old level. */
const AGREEMENT = 0.5;

/** The held output for an extreme value, or null (and any held value dropped) when `input` is within scale. */
export function holdExtreme(
  state: FilterState,
  time: number,
  value: number,
  input: number,
  elapsed: number,
  params: FilterParams,
): FilterOutput | null {
  const { prediction, sd } = predictionScale(state, elapsed);
  const off = input - prediction;
  if (!(Math.abs(off) > EXTREME * sd)) {
    state.extreme = null;
    return null;
  }
  const point = state.count;
  const held = state.extreme;
  const event = (type: ChangeEvent["type"], kind: ChangeEvent["kind"]): ChangeEvent => ({
    type,
    kind,
    point,
    time,
    valence: valenceOf(params.direction, off),
    magnitude: off,
    score: Math.abs(off) / sd,
  });
  if (held && Math.abs(value - held.value) < AGREEMENT * Math.abs(held.value - (value - off))) {
    // The level has moved beyond anything the state can measure — a change like any other, and the biggest: it pages.
    const confirmed: ChangeEvent = { ...event("confirmed", "step"), point: point - 1, time: held.time };
    // The jump is a difference between distinct values like any other: the data's resolution keeps it,
    // so a noise-free series that sat still until now learns from it what a quantum of change is.
    learnResolution(state.noise, held.value, state.noise.previousValue);
    resetFilter(state, [held.time, time], [held.value, value]);
    return { phase: "warmup", point, time, value, events: [confirmed, event("reset", "step")] };
  }
  state.extreme = { time, value };
  return { phase: "held", point, time, value, events: [event("annotated", "transient")] };
}

/** The mixture's one-step prediction and a generous sd: V's plus the spread and uncertainty of the components. */
function predictionScale(state: FilterState, elapsed: number): { prediction: number; sd: number } {
  let prediction = 0;
  for (let j = 0; j < 4; j++) prediction += state.weights[j]! * (state.means[2 * j]! + elapsed * state.means[2 * j + 1]!);
  let spread = 0;
  for (let j = 0; j < 4; j++) spread = Math.max(spread, Math.abs(state.means[2 * j]! - prediction) + Math.sqrt(state.covariances[3 * j]!));
  return { prediction, sd: Math.sqrt(state.noise.variance) + spread };
}
