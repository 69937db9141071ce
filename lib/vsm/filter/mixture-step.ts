import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { earlierStepProbability, HALF, JUMP } from "@/lib/vsm/filter/step-branch";

/**
 * One Harrison–Stevens class II step (DESIGN.md §3.2): from each of the 4 regime posteriors i,
 * a Kalman step under each regime j (16 pairs), joint weights p(i,j) ∝ p(i)·π_j·L(e; Q),
 * then the 16 posteriors collapse back to 4 by moment matching (and, by source regime, into the
 * held branch of step-branch.ts, for the verdict on the step two points back). V is an estimate worth
 * state.varianceDof degrees of freedom, so L is West & Harrison's Student t with that many
 * degrees of freedom and scale Q rather than N(0, Q): while V rests on few points its tails are
 * heavy, and one large residual is weaker evidence of a change; as n grows it tends to the normal. The 2×2 algebra is written out
 * and the 16 intermediate posteriors live in module scratch arrays, so a step allocates nothing.
 */

/** What one step found, written into a caller-owned object (reused across calls). */
export interface MixtureEvidence {
  /** p_t(j): regime probabilities at this point. */
  current: number[];
  /** q_t(i): one-step-back probabilities of the regime at the previous point. */
  previous: number[];
  /** Mean and variance of the one-step predictive mixture for y, before y was seen, and y minus that mean. */
  predictionMean: number;
  predictionVariance: number;
  residual: number;
  /** Σ_i p(i, steady)·(e²/Q − 1): the steady-weighted excess of standardised squared residuals. */
  steadyExcess: number;
  /** y's distance from the slow reference level in steady predictive sds (set by updateFilter, which holds the reference). */
  surprise: number;
  /** Step component's posterior level minus the prediction: the size and sign of a level jump. */
  levelJump: number;
  /** Slope component's posterior slope minus the prior mean slope: the size and sign of a slope change. */
  slopeChange: number;
  /** P(step at the point before the previous one | y up to now), from the held step branch (step-branch.ts), and that step's level jump. */
  earlier: number;
  earlierLevelJump: number;
}

export function createEvidence(): MixtureEvidence {
  return { current: [0, 0, 0, 0], previous: [0, 0, 0, 0], predictionMean: 0, predictionVariance: 0, residual: 0, surprise: 0, steadyExcess: 0, levelJump: 0, slopeChange: 0, earlier: 0, earlierLevelJump: 0 };
}

const PAIRS = 16;
/** Below this a weight is treated as underflowed (dividing by it would lose all precision). */
const TINY = 1e-300;
const logWeight = new Float64Array(PAIRS);
const logEvidence = new Float64Array(PAIRS);
const partWeight = new Float64Array(4);
const matched = new Float64Array(5);
const joint = new Float64Array(PAIRS);
const postLevel = new Float64Array(PAIRS);
const postSlope = new Float64Array(PAIRS);
const post11 = new Float64Array(PAIRS);
const post12 = new Float64Array(PAIRS);
const post22 = new Float64Array(PAIRS);
const standardised = new Float64Array(PAIRS);
const predictedLevel = new Float64Array(4);

/** Updates state.weights, means and covariances in place from observation y; fills `out`. */
export function mixtureStep(state: FilterState, y: number, params: FilterParams, out: MixtureEvidence): void {
  const { weights, means, covariances: cov } = state;
  const { re, rg, rd, logPrior, prior } = params;
  const v = state.variance;
  const dof = state.varianceDof;
  // Student t exponent (n + 1)/2; the t's normalising constant is the same for every pair and cancels.
  const tail = 0.5 * (dof + 1);
  let maxLog = -Infinity;
  let priorSlope = 0;
  let predictionMean = 0;
  let predictionSpread = 0;

  for (let i = 0; i < 4; i++) {
    const level = means[2 * i]!;
    const slope = means[2 * i + 1]!;
    const c11 = cov[3 * i]!;
    const c12 = cov[3 * i + 1]!;
    const c22 = cov[3 * i + 2]!;
    // a = G m, G C Gᵀ for G = [[1,1],[0,1]].
    const a1 = level + slope;
    const g11 = c11 + 2 * c12 + c22;
    const g12 = c12 + c22;
    const e = y - a1;
    const logP = Math.log(weights[i]!);
    predictedLevel[i] = a1;
    priorSlope += weights[i]! * slope;
    predictionMean += weights[i]! * a1;
    for (let j = 0; j < 4; j++) {
      const k = 4 * i + j;
      const vrd = v * rd[j]!;
      const r11 = g11 + v * rg[j]! + vrd;
      const r12 = g12 + vrd;
      const r22 = c22 + vrd;
      const s = v * re[j]!;
      const q = r11 + s;
      const iq = 1 / q;
      const z = e * e * iq;
      const evidence = logP - 0.5 * Math.log(q) - tail * Math.log1p(z / dof);
      const lw = evidence + logPrior[j]!;
      logEvidence[k] = evidence;
      logWeight[k] = lw;
      if (lw > maxLog) maxLog = lw;
      standardised[k] = z;
      postLevel[k] = a1 + r11 * e * iq;
      postSlope[k] = slope + r12 * e * iq;
      // C = R − R F Fᵀ R / Q in forms that stay positive: C11 = R11·s/Q, det C = s·det R/Q.
      post11[k] = r11 * s * iq;
      post12[k] = r12 * s * iq;
      const det = r11 * r22 - r12 * r12;
      post22[k] = ((det > 0 ? det : 0) + r22 * s) * iq;
      predictionSpread += weights[i]! * prior[j]! * q;
    }
  }
  for (let i = 0; i < 4; i++) predictionSpread += weights[i]! * (predictedLevel[i]! - predictionMean) ** 2;

  normalise(maxLog);
  const { branch } = state;
  out.earlier = earlierStepProbability(branch, y, v, dof, params);
  out.earlierLevelJump = branch[JUMP]!;
  const { current, previous } = out;
  let steadyExcess = 0;
  for (let i = 0; i < 4; i++) {
    previous[i] = joint[4 * i]! + joint[4 * i + 1]! + joint[4 * i + 2]! + joint[4 * i + 3]!;
    current[i] = joint[i]! + joint[4 + i]! + joint[8 + i]! + joint[12 + i]!;
    steadyExcess += joint[4 * i]! * (standardised[4 * i]! - 1);
  }
  for (let i = 0; i < 4; i++) holdBranch(branch, HALF * i, i, previous[i]!);
  // The level jump estimated at the previous point (signal memory), for the valence of a verdict on it one point later.
  branch[JUMP] = state.signals.previousLevelJump;
  for (let j = 0; j < 4; j++) collapse(state, j, current[j]!);

  out.predictionMean = predictionMean;
  out.predictionVariance = predictionSpread;
  out.residual = y - predictionMean;
  out.steadyExcess = steadyExcess;
  out.levelJump = means[2]! - predictionMean;
  out.slopeChange = means[5]! - priorSlope;
}

function normalise(maxLog: number): void {
  let total = 0;
  for (let k = 0; k < PAIRS; k++) {
    const w = Math.exp(logWeight[k]! - maxLog);
    joint[k] = w;
    total += w;
  }
  for (let k = 0; k < PAIRS; k++) joint[k] = joint[k]! / total;
}

/**
 * Moment-matches the 4 pairs leaving regime i of the previous point (pairs 4i…4i+3) into one
 * Gaussian of the held branch at offset `at` (step-branch.ts), weight `probability`.
 */
function holdBranch(branch: number[], at: number, i: number, probability: number): void {
  branch[at] = 0;
  if (!(probability > TINY)) return;
  for (let m = 0; m < 4; m++) partWeight[m] = joint[4 * i + m]! / probability;
  matchMoments(4 * i, 1);
  branch[at] = probability;
  for (let m = 0; m < 5; m++) branch[at + 1 + m] = matched[m]!;
}

/**
 * Moment-matches 4 pair posteriors, at `first`, `first + stride`, …, weighted by `partWeight`,
 * into one Gaussian (mean, and covariance including the spread of the means), left
 * in `matched` as level, slope, c11, c12, c22.
 */
function matchMoments(first: number, stride: number): void {
  let level = 0;
  let slope = 0;
  for (let m = 0; m < 4; m++) {
    const k = first + m * stride;
    level += partWeight[m]! * postLevel[k]!;
    slope += partWeight[m]! * postSlope[k]!;
  }
  let c11 = 0;
  let c12 = 0;
  let c22 = 0;
  for (let m = 0; m < 4; m++) {
    const k = first + m * stride;
    const w = partWeight[m]!;
    const dl = postLevel[k]! - level;
    const ds = postSlope[k]! - slope;
    c11 += w * (post11[k]! + dl * dl);
    c12 += w * (post12[k]! + dl * ds);
    c22 += w * (post22[k]! + ds * ds);
  }
  matched[0] = level;
  matched[1] = slope;
  matched[2] = c11;
  matched[3] = c12;
  matched[4] = c22;
}

/** Moment-matches the 4 posteriors that end in regime j into one (mean, covariance incl. spread of means). */
function collapse(state: FilterState, j: number, probability: number): void {
  const { weights, means, covariances: cov } = state;
  if (probability > TINY) {
    for (let i = 0; i < 4; i++) partWeight[i] = joint[4 * i + j]! / probability;
  } else {
    // So improbable a regime that its weight underflows: its component is still the posterior
    // given that regime, so its parts are weighed by their own (prior-free) log weights.
    let columnMax = -Infinity;
    for (let i = 0; i < 4; i++) columnMax = Math.max(columnMax, logEvidence[4 * i + j]!);
    let total = 0;
    for (let i = 0; i < 4; i++) {
      partWeight[i] = Math.exp(logEvidence[4 * i + j]! - columnMax);
      total += partWeight[i]!;
    }
    for (let i = 0; i < 4; i++) partWeight[i] = partWeight[i]! / total;
  }
  matchMoments(j, 4);
  weights[j] = probability;
  means[2 * j] = matched[0]!;
  means[2 * j + 1] = matched[1]!;
  cov[3 * j] = matched[2]!;
  cov[3 * j + 1] = matched[3]!;
  cov[3 * j + 2] = matched[4]!;
}
