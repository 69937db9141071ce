import { estimateVariance, firstDifferences, median, varianceFloor, warmupDegreesOfFreedom } from "@/lib/vsm/filter/estimate-variance";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { createEvidence, mixtureStep } from "@/lib/vsm/filter/mixture-step";
import type { FilterState } from "@/lib/vsm/filter/schemas";

/**
 * Ends the warm-up: estimates V from the window, starts every regime at the first value with the
 * window's median slope, then runs the mixture over the rest of the window (V held fixed) so the
 * first filtered point meets a posterior that already knows the window.
 */
export function initialiseFilter(state: FilterState, params: FilterParams): void {
  const { window } = state;
  const variance = estimateVariance(window);
  state.variance = variance;
  state.varianceFloor = varianceFloor(window);
  state.varianceDof = warmupDegreesOfFreedom(window.length);
  const slope = median(firstDifferences(window));
  for (let j = 0; j < 4; j++) {
    state.weights[j] = params.prior[j]!;
    state.means[2 * j] = window[0]!;
    state.means[2 * j + 1] = slope;
    // The first value is known up to one observation's noise; the slope up to one difference's.
    state.covariances[3 * j] = variance;
    state.covariances[3 * j + 1] = 0;
    state.covariances[3 * j + 2] = 2 * variance;
  }
  const evidence = createEvidence();
  for (const y of window.slice(1)) mixtureStep(state, y, params, evidence);
  state.window = [];
  state.ready = true;
}
