import { badSideProbability, bandOf } from "@/lib/vsm/filter/band";
import { learnHistory } from "@/lib/vsm/filter/change-history";
import { runTests, type TestOutcome } from "@/lib/vsm/filter/change-test";
import { episodeView, settleEpisode } from "@/lib/vsm/filter/episode";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent, FilteredOutput, FilterOutput, Moments } from "@/lib/vsm/filter/filter-output";
import { initialiseFilter } from "@/lib/vsm/filter/initialise-filter";
import { trackInterval } from "@/lib/vsm/filter/interval";
import { createEvidence, mixtureStep, type StepContext } from "@/lib/vsm/filter/mixture-step";
import { learnAutocorrelation, learnResolution, learnVariance, varianceFloor } from "@/lib/vsm/filter/noise";
import { holdExtreme } from "@/lib/vsm/filter/extremes";
import { reportChanges } from "@/lib/vsm/filter/report-changes";
import { isUsable, resetFilter } from "@/lib/vsm/filter/reset-filter";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { seasonalValue, stepSeason, switchSeason } from "@/lib/vsm/filter/seasonality";
import { REGIMES, type Regime, type RegimeProbabilities } from "@/lib/vsm/types";

const evidence = createEvidence();
const outcome: TestOutcome = { surprise: 0, raised: null, verdict: null, decided: null, change: null };
const context: StepContext = { variance: 1, dof: 1, elapsed: 1, persistence: 0, previousInput: 0 };
/** Elapsed time below this many typical intervals counts as this (two points at almost the same time still carry some noise). */
const MIN_ELAPSED = 1e-3;

/**
 * Feeds one observation (time in epoch ms, value) to the filter, updating `state` in place (the
 * fast path; stepFilter is the pure wrapper). A point not later than the last is skipped: it is
 * the caller's to store, never a step backwards. No change is reported during the warm-up.
 */
export function updateFilter(state: FilterState, time: number, value: number, params: FilterParams): FilterOutput {
  if (!Number.isFinite(value)) throw new RangeError(`filter input must be a finite number, got ${value}`);
  if (!Number.isFinite(time)) throw new RangeError(`filter time must be a finite number of milliseconds, got ${time}`);
  if (state.lastTime !== null && time <= state.lastTime) {
    return { phase: "skipped", time, value, reason: time === state.lastTime ? "duplicate-time" : "out-of-order" };
  }
  const elapsedTime = state.lastTime === null ? 0 : time - state.lastTime;
  state.lastTime = time;
  state.count += 1;
  if (!state.ready) {
    state.warmup.times.push(time);
    state.warmup.values.push(value);
    if (state.warmup.values.length >= params.warmup) initialiseFilter(state, params);
    return { phase: "warmup", point: state.count, time, value, events: [] };
  }
  const elapsed = Math.max(elapsedTime / state.interval, MIN_ELAPSED);
  const { season, noise } = state;
  const seasonal = seasonalValue(season, season.active, time);
  const input = value - seasonal;

  context.variance = noise.variance;
  context.dof = noise.dof;
  context.elapsed = elapsed;
  context.persistence = params.autocorrelation ? Math.pow(noise.autocorrelation, elapsed) : 0;
  context.previousInput = noise.previousInput;
  const held = holdExtreme(state, time, value, input, elapsed, params);
  if (held) return held;

  mixtureStep(state, input, params, context, evidence);
  state.interval = trackInterval(state.interval, elapsedTime);
  const residual = input - evidence.predictionMean;
  const level = mixtureMoments(state.weights, state.means, state.covariances, 0);
  const magnitude = Math.abs(input);
  learnVariance(noise, (residual * residual) / evidence.steadyVariance, params.varianceLearningRate, magnitude);
  learnResolution(noise, value, noise.previousValue);
  if (params.autocorrelation) learnAutocorrelation(noise, input - evidence.levelPrediction, elapsed);
  noise.previousValue = value;
  noise.previousInput = input;
  noise.previousResidual = input - level.mean;

  const reference = state.test.reference;
  const announce = state.episode === null;
  const floor = varianceFloor(noise, magnitude);
  const drift = Math.max(elapsed - 1, 0) * noise.variance * params.rg[0]!;
  runTests(
    state.test,
    {
      input,
      level: level.mean,
      levelVariance: level.variance,
      drift,
      point: state.count,
      time,
      elapsed,
      interval: state.interval,
      floor,
      announce,
    },
    params,
    outcome,
  );
  const events = reportChanges(state, outcome, time, reference, announce, params);
  const settled = settleEpisode(state, time, state.count, level.mean, params);
  if (settled) events.push(settled);
  learnHistory(state, events, elapsed);

  if (!isUsable(state)) {
    // Never reached by any input tried (docs/domain.md, "Robustness"); should arithmetic ever fail, the filter says so and starts again.
    resetFilter(state, [], []);
    // Losing what the filter had learnt is not good news: the reset is reported as pain.
    events.push({ type: "reset", kind: "step", point: state.count, time, valence: "pain", magnitude: 0, score: 0 });
    return { phase: "warmup", point: state.count, time, value, events };
  }
  if (params.seasonality) {
    const next = stepSeason(season, {
      time,
      value,
      floor,
      elapsedTime,
      interval: state.interval,
      gain: 1 - Math.pow(1 - params.referenceLearningRate, elapsed),
    });
    if (next !== season.active) switchSeason(state, next, time);
  }
  return filteredOutput(state, time, value, seasonal, residual, level, events, params);
}

function filteredOutput(
  state: FilterState,
  time: number,
  value: number,
  seasonal: number,
  residual: number,
  level: Moments,
  events: ChangeEvent[],
  params: FilterParams,
): FilteredOutput {
  const { weights, means, covariances, noise, season } = state;
  const badSide = badSideProbability(weights, means, covariances, seasonal, params);
  return {
    phase: "filtering",
    point: state.count,
    time,
    value,
    probabilities: regimeRecord(evidence.current),
    previous: regimeRecord(evidence.previous),
    level,
    slope: mixtureMoments(weights, means, covariances, 1),
    seasonal,
    prediction: { mean: evidence.predictionMean + seasonal, variance: evidence.predictionVariance },
    residual,
    tail: evidence.tail,
    surprise: outcome.surprise,
    classification: mostProbable(evidence.current),
    events,
    episode: episodeView(state.episode, params),
    badSide,
    band: bandOf(badSide, params),
    profile: {
      interval: state.interval,
      period: season.active === 0 ? 0 : season.profiles[season.active - 1]!.period,
      autocorrelation: noise.autocorrelation,
      variance: noise.variance,
    },
  };
}

function regimeRecord(p: readonly number[]): RegimeProbabilities {
  return { steady: p[0]!, step: p[1]!, slope: p[2]!, transient: p[3]! };
}

function mostProbable(p: readonly number[]): Regime {
  let best = 0;
  for (let j = 1; j < 4; j++) if (p[j]! > p[best]!) best = j;
  return REGIMES[best]!;
}

/** Mean and variance (within-regime plus spread of regime means) of the level (0) or slope (1). */
export function mixtureMoments(
  weights: readonly number[],
  means: readonly number[],
  covariances: readonly number[],
  coordinate: 0 | 1,
): Moments {
  let mean = 0;
  for (let j = 0; j < 4; j++) mean += weights[j]! * means[2 * j + coordinate]!;
  let variance = 0;
  for (let j = 0; j < 4; j++) variance += weights[j]! * (covariances[3 * j + 2 * coordinate]! + (means[2 * j + coordinate]! - mean) ** 2);
  return { mean, variance };
}
