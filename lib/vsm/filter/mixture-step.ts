import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { EXTREME } from "@/lib/vsm/filter/extremes";
import { normalCdf } from "@/lib/vsm/filter/normal-cdf";
import { clip } from "@/lib/vsm/filter/noise";

/**
 * One Harrison–Stevens class II step (docs/domain.md, "The mixture"): from each of the 4 regime
 * posteriors i, a Kalman step under each regime j (16 pairs), joint weights p(i,j) ∝ p(i)·π_j·L,
 * then the 16 posteriors collapse back to 4 by moment matching.
 *
 * Time enters through k, the elapsed time in typical sampling intervals: the level moves by k
 * slopes, the system noise W(j) grows as k·W(j), and the chance that a step or slope change
 * happened in the interval is 1 − (1 − π)^k. Autocorrelated noise enters as a known offset:
 * component i predicts ρ^k·(previous input − its level) on top of its level, the part of the last
 * residual that persists. Under the transient regime the value is an outlier that says nothing of
 * the level (the limit of Harrison and Stevens' large observation variance), so that component
 * carries its prior forward untouched, and no single value can drag every component off. L is West & Harrison's Student t with the degrees of freedom of V, so
 * while V rests on few points its tails are heavy. The 2×2 algebra is written out and the 16
 * intermediate posteriors live in module scratch arrays, so a step allocates nothing.
 */

/** What one step found, written into a caller-owned object (reused across calls). */
export interface MixtureEvidence {
  /** p_t(j): regime probabilities at this point, and q_t(i): the previous point's, one step back. */
  current: number[];
  previous: number[];
  /** Mean and variance of the one-step predictive mixture for the input, before it was seen. */
  predictionMean: number;
  predictionVariance: number;
  /**
   * Two-sided tail probability of the input under the predictive of the values that are not
   * outliers (the transient regime left out, as in the forecast's bands): under each pair (i, j),
   * the chance of a value at least as far from component i's prediction, weighted by p(i)·π_j.
   * A calibrated filter has 4.55% of points with a tail below 0.0455 (outside the central "2 sd"
   * interval) and 0.27% below 0.0027 ("3 sd"); outliers in the data add to both.
   */
  tail: number;
  /** The predictive variance under "no change now" (regime steady at t; the mean is the same): what V is calibrated against. */
  steadyVariance: number;
  /** The level's one-step prediction without the autocorrelated offset (what that offset is learnt against). */
  levelPrediction: number;
}

export function createEvidence(): MixtureEvidence {
  return {
    current: [0, 0, 0, 0],
    previous: [0, 0, 0, 0],
    predictionMean: 0,
    predictionVariance: 0,
    tail: 1,
    steadyVariance: 0,
    levelPrediction: 0,
  };
}

/** The mixture's part of the state: p(i), (μ, β) and (C11, C12, C22) per regime. */
export interface Mixture {
  weights: number[];
  means: number[];
  covariances: number[];
}

/** The inputs of one step besides the value: noise scale, time and autocorrelation. */
export interface StepContext {
  variance: number;
  dof: number;
  /** Elapsed time in typical intervals. */
  elapsed: number;
  /** ρ^k, and the previous input it multiplies (minus each component's level). */
  persistence: number;
  previousInput: number;
}

const PAIRS = 16;
/** The transient regime's index in REGIMES. */
const TRANSIENT = 3;
/** Below this a weight is treated as underflowed (dividing by it would lose all precision). */
const TINY = 1e-300;
/** A step or slope change may not take more than this share of the prior, however long the gap. */
const MAX_CHANGE_PRIOR = 0.5;
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
const pairQ = new Float64Array(PAIRS);
const predicted = new Float64Array(4);
const logPrior = new Float64Array(4);
const prior = new Float64Array(4);

/** Updates the mixture in place from input y; fills `out`. */
export function mixtureStep(mixture: Mixture, y: number, params: FilterParams, context: StepContext, out: MixtureEvidence): void {
  const { weights, means, covariances: cov } = mixture;
  const { re, rg, rd } = params;
  const { variance: v, dof, elapsed: k, persistence, previousInput } = context;
  priorsFor(params.prior, k);
  let widest = 0;
  let noisiest = 0;
  for (let j = 0; j < 4; j++) {
    widest = Math.max(widest, rg[j]! + rd[j]!);
    noisiest = Math.max(noisiest, re[j]!);
  }
  // Student t exponent (n + 1)/2; the t's normalising constant is the same for every pair and cancels.
  const exponent = 0.5 * (dof + 1);
  let maxLog = -Infinity;
  let predictionMean = 0;
  let levelPrediction = 0;

  for (let i = 0; i < 4; i++) {
    const level = means[2 * i]!;
    const slope = means[2 * i + 1]!;
    const c11 = cov[3 * i]!;
    const c12 = cov[3 * i + 1]!;
    const c22 = cov[3 * i + 2]!;
    // a = G m and G C Gᵀ for G = [[1, k], [0, 1]].
    const a1 = level + k * slope;
    const g11 = c11 + 2 * k * c12 + k * k * c22;
    const g12 = c12 + k * c22;
    const f = a1 + persistence * (previousInput - level);
    // A residual beyond EXTREME sds of the widest pair is taken at that bound, so no input can
    // overflow the arithmetic (update-filter.ts holds such values back; this covers the warm-up).
    const e = clip(y - f, EXTREME * Math.sqrt(g11 + k * v * widest + v * noisiest));
    const logP = Math.log(weights[i]!);
    predicted[i] = f;
    predictionMean += weights[i]! * f;
    levelPrediction += weights[i]! * a1;
    for (let j = 0; j < 4; j++) {
      const n = 4 * i + j;
      const vrd = k * v * rd[j]!;
      const r11 = g11 + k * v * rg[j]! + vrd;
      const r12 = g12 + vrd;
      const r22 = c22 + vrd;
      const s = v * re[j]!;
      const q = r11 + s;
      pairQ[n] = q;
      const iq = 1 / q;
      const evidence = logP - 0.5 * Math.log(q) - exponent * Math.log1p((e * e * iq) / dof);
      logEvidence[n] = evidence;
      const lw = evidence + logPrior[j]!;
      logWeight[n] = lw;
      if (lw > maxLog) maxLog = lw;
      if (j === TRANSIENT) {
        // An outlier tells nothing of the level: the prior goes on unchanged, however far off y is.
        postLevel[n] = a1;
        postSlope[n] = slope;
        post11[n] = r11;
        post12[n] = r12;
        post22[n] = r22;
      } else {
        postLevel[n] = a1 + r11 * e * iq;
        postSlope[n] = slope + r12 * e * iq;
        // C = R − R F Fᵀ R / Q in forms that stay positive: C11 = R11·s/Q, det C = s·det R/Q.
        post11[n] = r11 * s * iq;
        post12[n] = r12 * s * iq;
        const det = r11 * r22 - r12 * r12;
        post22[n] = ((det > 0 ? det : 0) + r22 * s) * iq;
      }
    }
  }
  let predictionVariance = 0;
  let steadyVariance = 0;
  let tail = 0;
  for (let i = 0; i < 4; i++) {
    const w = weights[i]!;
    let q = 0;
    const distance = Math.abs(y - predicted[i]!);
    for (let j = 0; j < 4; j++) q += prior[j]! * pairQ[4 * i + j]!;
    for (let j = 0; j < TRANSIENT; j++) tail += w * prior[j]! * 2 * normalCdf(-distance / Math.sqrt(pairQ[4 * i + j]!));
    predictionVariance += w * (q + (predicted[i]! - predictionMean) ** 2);
    steadyVariance += w * (pairQ[4 * i]! + (predicted[i]! - predictionMean) ** 2);
  }

  normalise(maxLog);
  const { current, previous } = out;
  for (let i = 0; i < 4; i++) {
    previous[i] = joint[4 * i]! + joint[4 * i + 1]! + joint[4 * i + 2]! + joint[4 * i + 3]!;
    current[i] = joint[i]! + joint[4 + i]! + joint[8 + i]! + joint[12 + i]!;
  }
  for (let j = 0; j < 4; j++) collapse(mixture, j, current[j]!);

  out.predictionMean = predictionMean;
  out.predictionVariance = predictionVariance;
  out.tail = tail / (1 - prior[TRANSIENT]!);
  out.steadyVariance = steadyVariance;
  out.levelPrediction = levelPrediction;
}

/**
 * π_j over k typical intervals: a step or slope change has had k chances to happen (1 − (1 − π)^k,
 * shared between them as their priors are); an outlier belongs to one observation and keeps π.
 */
function priorsFor(base: readonly number[], k: number): void {
  const change = base[1]! + base[2]!;
  const scaled = change > 0 ? Math.min(1 - Math.pow(1 - change, k), MAX_CHANGE_PRIOR) / change : 0;
  prior[1] = base[1]! * scaled;
  prior[2] = base[2]! * scaled;
  prior[3] = base[3]!;
  prior[0] = Math.max(1 - prior[1] - prior[2] - prior[3], TINY);
  for (let j = 0; j < 4; j++) logPrior[j] = Math.log(prior[j]! > 0 ? prior[j]! : TINY);
}

function normalise(maxLog: number): void {
  let total = 0;
  for (let n = 0; n < PAIRS; n++) {
    const w = Math.exp(logWeight[n]! - maxLog);
    joint[n] = w;
    total += w;
  }
  for (let n = 0; n < PAIRS; n++) joint[n] = joint[n]! / total;
}

/**
 * Moment-matches the 4 posteriors that end in regime j (pairs j, j + 4, j + 8, j + 12) into one
 * Gaussian: the weighted mean, and the covariance including the spread of the means.
 */
function collapse(mixture: Mixture, j: number, probability: number): void {
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
  matchMoments(j);
  const { weights, means, covariances: cov } = mixture;
  weights[j] = Math.max(probability, TINY);
  means[2 * j] = matched[0]!;
  means[2 * j + 1] = matched[1]!;
  cov[3 * j] = matched[2]!;
  cov[3 * j + 1] = matched[3]!;
  cov[3 * j + 2] = matched[4]!;
}

function matchMoments(j: number): void {
  let level = 0;
  let slope = 0;
  for (let i = 0; i < 4; i++) {
    level += partWeight[i]! * postLevel[4 * i + j]!;
    slope += partWeight[i]! * postSlope[4 * i + j]!;
  }
  let c11 = 0;
  let c12 = 0;
  let c22 = 0;
  for (let i = 0; i < 4; i++) {
    const n = 4 * i + j;
    const w = partWeight[i]!;
    const dl = postLevel[n]! - level;
    const ds = postSlope[n]! - slope;
    c11 += w * (post11[n]! + dl * dl);
    c12 += w * (post12[n]! + dl * ds);
    c22 += w * (post22[n]! + ds * ds);
  }
  matched[0] = level;
  matched[1] = slope;
  matched[2] = c11;
  matched[3] = c12;
  matched[4] = c22;
}
