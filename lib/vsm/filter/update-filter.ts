import { badSideProbability, bandOf } from "@/lib/vsm/filter/band";
import { canRaiseStep, classifyPoint, raise } from "@/lib/vsm/filter/classify-point";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterOutput, Moments, RegimeProbabilities, SignalEvent } from "@/lib/vsm/filter/filter-output";
import { initialiseFilter } from "@/lib/vsm/filter/initialise-filter";
import { resetLevelShift, shiftExtent, shiftReference, updateLevelShift } from "@/lib/vsm/filter/level-shift";
import { valenceOf } from "@/lib/vsm/filter/valence";
import { createEvidence, mixtureStep } from "@/lib/vsm/filter/mixture-step";
import type { FilterState } from "@/lib/vsm/filter/schemas";

const evidence = createEvidence();

/**
 * Feeds one value to the filter, updating `state` in place (the fast path for the pipeline and
 * the benchmark; stepFilter is the pure wrapper). No signal is raised during the warm-up.
 */
export function updateFilter(state: FilterState, y: number, params: FilterParams): FilterOutput {
  if (!Number.isFinite(y)) throw new RangeError(`filter input must be a finite number, got ${y}`);
  state.count += 1;
  if (!state.ready) {
    state.window.push(y);
    if (state.window.length >= params.warmup) initialiseFilter(state, params);
    return { phase: "warmup", point: state.count, value: y };
  }

  // The steady component's one-step prediction and its variance, before y: the shift detector's yardstick.
  const { means: m, covariances: c } = state;
  const steadyMean = m[0]! + m[1]!;
  const steadyVariance = c[0]! + 2 * c[1]! + c[2]! + state.variance * (params.rg[0]! + params.rd[0]! + params.re[0]!);
  mixtureStep(state, y, params, evidence);
  // How surprising y is if nothing changed: its distance from the slow reference level, which
  // unlike the filter's level has not yet followed a change, in steady predictive sds (the scale V
  // is calibrated to). The early provisional flag reads it.
  evidence.surprise = (y - shiftReference(state.shift, steadyMean)) / Math.sqrt(steadyVariance);
  // Learning of V from the steady-weighted standardised residuals (West & Harrison's S_t = S·(1 +
  // (e²/Q − 1)/n_t)), with n discounted so the rate 1/n falls from the warm-up's few degrees of
  // freedom to the policy rate. The excess is at least −1 and n ≥ 1, so V stays positive; a
  // residual large enough to swing it up is improbable under steady and carries almost no weight.
  const dof = (1 - params.varianceLearningRate) * state.varianceDof + 1;
  state.varianceDof = dof;
  state.variance = Math.max(state.varianceFloor, state.variance * (1 + evidence.steadyExcess / dof));

  const { weights, means, covariances } = state;
  const { classification, events } = classifyPoint(state.signals, evidence, state.count, params);
  if (confirmsChange(events)) resetLevelShift(state.shift);
  else {
    const before = shiftExtent(state.shift);
    const shift = updateLevelShift(state.shift, y, steadyMean, steadyVariance, state.count, params.shift, params.varianceLearningRate);
    if (shift) {
      // Dated to the CUSUM run's start, the change point; the step verdict will not confirm it again.
      state.signals.lastStepPoint = Math.max(state.signals.lastStepPoint, shift.start);
      state.signals.previousSurprise = 0;
      events.push({ type: "confirmed", kind: "step", point: shift.start, valence: valenceOf(params.direction, shift.direction), probability: evidence.current[1]! });
    } else if (before <= params.shift.warning && shiftExtent(state.shift) > params.shift.warning && canRaiseStep(state.signals, evidence.current, params)) {
      // A ramp's residuals stay moderate, so the CUSUM sees it before any one point is surprising:
      // flag it provisionally once the sum crosses the warning level, for the next verdict.
      events.push(raise(state.signals, "step", state.count, state.shift.up - state.shift.down, evidence.current[1]!, params.direction));
    }
  }
  const badSide = badSideProbability(weights, means, covariances, params);
  return {
    phase: "filtering",
    point: state.count,
    value: y,
    probabilities: regimeRecord(evidence.current),
    previous: regimeRecord(evidence.previous),
    earlierStep: evidence.earlier,
    level: mixtureMoments(weights, means, covariances, 0),
    slope: mixtureMoments(weights, means, covariances, 1),
    prediction: { mean: evidence.predictionMean, variance: evidence.predictionVariance },
    residual: evidence.residual,
    classification,
    events,
    badSide,
    band: bandOf(badSide, params),
  };
}

/** Whether a step or slope was confirmed (a plain loop: this runs on every point). */
function confirmsChange(events: readonly SignalEvent[]): boolean {
  for (const e of events) if (e.type === "confirmed" && e.kind !== "transient") return true;
  return false;
}

function regimeRecord(p: readonly number[]): RegimeProbabilities {
  return { steady: p[0]!, step: p[1]!, slope: p[2]!, transient: p[3]! };
}

/** Mean and variance (within-regime plus spread of regime means) of the level (0) or slope (1). */
export function mixtureMoments(weights: readonly number[], means: readonly number[], covariances: readonly number[], coordinate: 0 | 1): Moments {
  let mean = 0;
  for (let j = 0; j < 4; j++) mean += weights[j]! * means[2 * j + coordinate]!;
  let variance = 0;
  for (let j = 0; j < 4; j++) variance += weights[j]! * (covariances[3 * j + 2 * coordinate]! + (means[2 * j + coordinate]! - mean) ** 2);
  return { mean, variance };
}
