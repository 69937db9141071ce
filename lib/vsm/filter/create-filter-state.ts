import { emptyLevelShift } from "@/lib/vsm/filter/level-shift";
import { emptyBranch } from "@/lib/vsm/filter/step-branch";
import type { FilterState } from "@/lib/vsm/filter/schemas";

/** A filter that has seen nothing: it warms up on the first policy.filter.warmup points. */
export function createFilterState(): FilterState {
  return {
    version: 1,
    count: 0,
    window: [],
    ready: false,
    variance: 0,
    varianceFloor: 0,
    varianceDof: 0,
    weights: [0, 0, 0, 0],
    means: [0, 0, 0, 0, 0, 0, 0, 0],
    covariances: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    branch: emptyBranch(),
    signals: {
      pending: null,
      pendingSign: 0,
      previousFiltered: false,
      transientRun: 0,
      stepArmed: true,
      slopeArmed: true,
      previousLevelJump: 0,
      previousSlopeChange: 0,
      lastStepPoint: 0,
      previousSurprise: 0,
    },
    shift: emptyLevelShift(),
  };
}
