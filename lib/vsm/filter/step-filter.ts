import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterOutput } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { updateFilter } from "@/lib/vsm/filter/update-filter";

/** Copies a state: every field is a number, boolean, string, null, an array of numbers or a record of those. */
export function cloneFilterState(state: FilterState): FilterState {
  return {
    ...state,
    window: [...state.window],
    weights: [...state.weights],
    means: [...state.means],
    covariances: [...state.covariances],
    branch: [...state.branch],
    signals: { ...state.signals },
    shift: { ...state.shift },
  };
}

/** The pure form of updateFilter: the given state is left untouched and the next one returned. */
export function stepFilter(state: FilterState, y: number, params: FilterParams): { state: FilterState; output: FilterOutput } {
  const next = cloneFilterState(state);
  return { state: next, output: updateFilter(next, y, params) };
}
