import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterState } from "@/lib/vsm/filter/schemas";

/**
 * Starts the filter afresh, keeping its count of points, its clock and the data's resolution (a
 * property of how the values are written, not of their scale); the given points (those that
 * proved the old state useless) begin the new warm-up.
 */
export function resetFilter(state: FilterState, times: number[], values: number[]): void {
  const { count, lastTime } = state;
  const resolution = Number.isFinite(state.noise.resolution) ? state.noise.resolution : 0;
  Object.assign(state, createFilterState());
  state.count = count;
  state.lastTime = lastTime;
  state.noise.resolution = resolution;
  state.warmup = { times, values };
}

/** Whether the numbers the filter computes with are all finite (the guard behind every update). */
export function isUsable(state: FilterState): boolean {
  const { noise, test } = state;
  let sum = noise.variance + noise.dof + noise.autocorrelation + noise.previousInput + test.scale + test.reference + test.uncertainty;
  for (let i = 0; i < 12; i++) sum += state.covariances[i]!;
  for (let i = 0; i < 8; i++) sum += state.means[i]!;
  for (let i = 0; i < 4; i++) sum += state.weights[i]!;
  return Number.isFinite(sum) && noise.variance > 0 && test.scale > 0;
}
