import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterState } from "@/lib/vsm/filter/schemas";

/**
 * Starts the filter afresh at a new scale, keeping its count of points and its clock: the value
 * that proved the old state useless is the first of the new warm-up.
 */
export function resetFilter(state: FilterState, time: number, value: number): void {
  const { count } = state;
  Object.assign(state, createFilterState());
  state.count = count;
  state.lastTime = time;
  state.warmup = { times: [time], values: [value] };
}
