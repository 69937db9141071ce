import { createTests } from "@/lib/vsm/filter/change-test";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { createSeason } from "@/lib/vsm/filter/seasonality";

/** A filter that has seen nothing: it warms up on the first policy.filter.warmup points. */
export function createFilterState(): FilterState {
  return {
    version: 2,
    count: 0,
    lastTime: null,
    interval: 0,
    warmup: { times: [], values: [] },
    ready: false,
    noise: {
      variance: 1,
      dof: 1,
      pending: -1,
      resolution: 0,
      autocorrelation: 0,
      lagProduct: 0,
      lagSquare: 0,
      previousValue: 0,
      previousInput: 0,
      previousResidual: 0,
    },
    weights: [0, 0, 0, 0],
    means: [0, 0, 0, 0, 0, 0, 0, 0],
    covariances: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    season: createSeason(),
    test: createTests(1, 1),
    episode: null,
    levels: [],
    normal: null,
    extreme: null,
    history: { rate: 0, step: 0, slope: 0 },
  };
}
