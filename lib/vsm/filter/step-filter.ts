import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterOutput } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { updateFilter } from "@/lib/vsm/filter/update-filter";

/**
 * A deep copy, written out field by field (a generic walk over the state's ~1,000 numbers is
 * several times slower); step-filter.test.ts checks that the copy equals the original and shares
 * no object or array with it, so a field added to the schema cannot be missed here silently.
 */
export function cloneFilterState(state: FilterState): FilterState {
  const { season, test } = state;
  return {
    ...state,
    warmup: { times: state.warmup.times.slice(), values: state.warmup.values.slice() },
    noise: { ...state.noise },
    weights: state.weights.slice(),
    means: state.means.slice(),
    covariances: state.covariances.slice(),
    season: {
      ...season,
      profiles: season.profiles.map((p) => p && { ...p, values: p.values.slice() }),
      shadows: season.shadows.map((shadow) => ({ ...shadow })),
    },
    test: {
      ...test,
      tail: test.tail.slice(),
      up: { ...test.up },
      down: { ...test.down },
      pending: test.pending && { ...test.pending, held: test.pending.held.slice(), elapsed: test.pending.elapsed.slice() },
      deviations: test.deviations.slice(),
      times: test.times.slice(),
    },
    episode: state.episode && { ...state.episode },
    levels: state.levels.map((level) => ({ ...level })),
    normal: state.normal && { ...state.normal },
    extreme: state.extreme && { ...state.extreme },
    history: { ...state.history },
  };
}

/** The pure form of updateFilter: the given state is left untouched and the next one returned. */
export function stepFilter(
  state: FilterState,
  time: number,
  value: number,
  params: FilterParams,
): { state: FilterState; output: FilterOutput } {
  const next = cloneFilterState(state);
  return { state: next, output: updateFilter(next, time, value, params) };
}
