import { emptyHistory } from "@/lib/vsm/filter/change-history";
import { createTests } from "@/lib/vsm/filter/change-test";
import { estimateVariance, firstDifferences, median, spreadVariance, warmupDegreesOfFreedom } from "@/lib/vsm/filter/estimate-variance";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { typicalInterval } from "@/lib/vsm/filter/interval";
import { createEvidence, mixtureStep } from "@/lib/vsm/filter/mixture-step";
import { learnResolution, varianceFloor } from "@/lib/vsm/filter/noise";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { startSeason } from "@/lib/vsm/filter/seasonality";

/**
 * Ends the warm-up: the typical interval is the median interval, the resolution the smallest
 * difference between distinct neighbouring values, V the robust estimate of estimate-variance.ts
 * (never below the resolution's floor) worth few degrees of freedom — so the filter starts honest
 * about how little it knows, with heavy-tailed likelihoods. Every regime starts at the window's
 * median with its median slope, and the mixture then runs over the rest of the window (V held
 * fixed) so the first filtered point meets a posterior that already knows the window.
 */
export function initialiseFilter(state: FilterState, params: FilterParams): void {
  const { times, values } = state.warmup;
  const interval = typicalInterval(times);
  state.interval = interval;
  const { noise } = state;
  for (let i = 1; i < values.length; i++) learnResolution(noise, values[i]!, values[i - 1]!);
  const magnitude = median(values.map(Math.abs));
  const variance = Math.max(estimateVariance(values), varianceFloor(noise, magnitude));
  noise.variance = variance;
  noise.dof = warmupDegreesOfFreedom(values.length);
  const slope = median(firstDifferences(values).map((d, i) => (d * interval) / (times[i + 1]! - times[i]!)));
  // The window's median, not its first value: the start is robust to an outlier or two in it.
  const start = median(values);
  for (let j = 0; j < 4; j++) {
    state.weights[j] = params.prior[j]!;
    state.means[2 * j] = start;
    state.means[2 * j + 1] = slope;
    // The first value is known up to one observation's noise; the slope up to one difference's.
    state.covariances[3 * j] = variance;
    state.covariances[3 * j + 1] = 0;
    state.covariances[3 * j + 2] = 2 * variance;
  }
  const evidence = createEvidence();
  for (let i = 1; i < values.length; i++) {
    const context = {
      variance,
      dof: noise.dof,
      elapsed: (times[i]! - times[i - 1]!) / interval,
      persistence: 0,
      previousInput: values[i - 1]!,
    };
    mixtureStep(state, values[i]!, params, context, evidence);
  }
  const last = values[values.length - 1]!;
  const level = state.weights.reduce((sum, w, j) => sum + w * state.means[2 * j]!, 0);
  noise.previousValue = last;
  noise.previousInput = last;
  noise.previousResidual = last - level;
  // The tests read deviations from a slow reference: on noise that wanders (autocorrelated) V from
  // first differences is too small a yardstick for that, and the window's own spread is the honest
  // start (BENCHMARKS.md, "Detection on synthetic series"); on independent noise the two agree.
  state.test = createTests(Math.max(variance, spreadVariance(values)), noise.dof);
  state.history = emptyHistory(variance);
  if (params.seasonality) startSeason(state.season, times[times.length - 1]!, last, interval, Math.sqrt(variance));
  state.warmup = { times: [], values: [] };
  state.ready = true;
}
