import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterOutput } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { updateFilter } from "@/lib/vsm/filter/update-filter";

/** A deep copy of plain data: numbers, booleans, strings, null, arrays and records of those. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) out[key] = copy(field);
    return out as T;
  }
  return value;
}

export function cloneFilterState(state: FilterState): FilterState {
  return copy(state);
}

/** The pure form of updateFilter: the given state is left untouched and the next one returned. */
export function stepFilter(state: FilterState, time: number, value: number, params: FilterParams): { state: FilterState; output: FilterOutput } {
  const next = cloneFilterState(state);
  return { state: next, output: updateFilter(next, time, value, params) };
}
