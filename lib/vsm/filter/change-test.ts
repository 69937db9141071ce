import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { clip } from "@/lib/vsm/filter/noise";
import { normalEquivalent } from "@/lib/vsm/filter/student-t";
import { emptyTail, learnTail, tailFactor } from "@/lib/vsm/filter/tail-factor";
import { classifyShape } from "@/lib/vsm/filter/run-shape";
import { learnTests, MAX_AUTOCORRELATION, recordDeviation } from "@/lib/vsm/filter/test-learning";
import type { CusumRun, PendingChange, TestState } from "@/lib/vsm/filter/schemas";

/**
 * The change tests (docs/domain.md, "Change tests"). They read each value against a slow
 * reference level — one that, unlike the mixture's level, has not yet followed a change — in
 * units of the deviations' own learnt spread, so they are calibrated to the series whatever the
 * mixture's model gets wrong (wander, autocorrelation, heavy tails):
 *
 * - a **surprise** (|d| ≥ `surprise` sds) raises a change provisionally; the next point decides:
 *   if it repeats the surprise (same side, at least `sustain` sds and a third of the first) and the
 *   run's mean reaches `pair` sds of a mean, the change is confirmed; repeated too weakly, the run
 *   (at most three values) is weighed again at the next point; not repeated, it was a transient;
 * - a two-sided **CUSUM** of the deviations in long-run sds (allowance `allowance`, threshold
 *   `threshold`) confirms the smaller sustained shifts and ramps, dated to where its run began,
 *   with the run's shape deciding step or slope.
 *
 * Autocorrelated deviations are not more evidence than independent ones: the run's mean and the
 * CUSUM are standardised with the deviations' learnt lag-one autocorrelation ρ.
 */

/** A surprise and at most this many values after it are weighed together before the provisional change is let go. */
const MAX_RUN = 3;
/** A CUSUM increment is clipped here, so one outlier adds at most CLIP − allowance. */
const CLIP = 3;
/**
 * A value repeats the surprise only if its deviation is at least this share of the first: a step
 * repeats its first deviation, an outlier does not (for equal priors the likelihood ratio of the
 * two favours the step from √2 − 1 ≈ 0.41 of it; a third leaves room for noise on a small step).
 */
const PAIR_SHARE = 1 / 3;

/** The tail factor matches the deviations' own quantile at the normal's 2-sd rate (tail-factor.ts). */
const TAIL_Z = 2;
/** The CUSUM reads ρ at its upper bound by this many standard errors of its estimate. */
const UPPER = 2;

/** What the tests found at one point. */
export interface TestOutcome {
  /** The value's deviation from the reference, in sds of the deviations. */
  surprise: number;
  raised: { sign: 1 | -1; point: number; time: number; score: number } | null;
  /** The provisional change of the previous point: confirmed (change below), or retracted as a transient or not, and whether it was reported. */
  verdict: "confirmed" | "transient" | "retracted" | null;
  decided: PendingChange | null;
  change: { kind: "step" | "slope"; sign: 1 | -1; point: number; time: number; magnitude: number; score: number } | null;
}

export function createTests(scale: number, dof: number): TestState {
  return {
    reference: 0,
    weight: 0,
    uncertainty: 0,
    scale,
    dof,
    tail: emptyTail(),
    autocorrelation: 0,
    lagProduct: 0,
    lagSquare: 0,
    previousDeviation: 0,
    up: emptyRun(),
    down: emptyRun(),
    pending: null,
    deviations: [],
    times: [],
  };
}

/** Where the tests stand at this point: the input, the mixture's level after it, and the step's timing. */
export interface TestPoint {
  input: number;
  level: number;
  point: number;
  time: number;
  /** Elapsed time in typical intervals, the typical interval, and V's floor (the data's resolution). */
  elapsed: number;
  interval: number;
  floor: number;
  /** Whether a provisional change raised here is reported (not while an episode is under way). */
  announce: boolean;
  /** The mixture's level variance, and how far the level may have wandered since the last point beyond a typical interval's worth. */
  levelVariance: number;
  drift: number;
}

/** Runs the tests on one input; on a confirmed change they restart against the new level. */
export function runTests(test: TestState, at: TestPoint, params: FilterParams, outcome: TestOutcome): void {
  outcome.raised = null;
  outcome.verdict = null;
  outcome.decided = null;
  outcome.change = null;
  outcome.surprise = 0;
  if (test.weight === 0) {
    // A restart: the reference begins at the mixture's level, which has already followed the change.
    test.reference = at.level;
    test.weight = 1;
    test.uncertainty = at.levelVariance;
    test.previousDeviation = at.input - at.level;
    return;
  }
  // Over a gap the level may have wandered: the reference is that much less certain.
  test.uncertainty += at.drift;
  // The tests' yardstick: the deviations' sd, stretched by the tail factor, and the reference's uncertainty.
  const { tests } = params;
  const plain = Math.sqrt(test.scale);
  const sd = Math.sqrt(plain * plain * tailFactor(test.tail, TAIL_Z) ** 2 + test.uncertainty);
  const d = at.input - test.reference;
  const s = normalEquivalent(d / sd, test.dof);
  outcome.surprise = s;
  const rho = test.autocorrelation;
  learnTail(test.tail, Math.abs(d) / plain, TAIL_Z);
  recordDeviation(test, d, at.time);

  const pending = test.pending;
  let carried = false;
  if (pending) {
    test.pending = null;
    outcome.decided = pending;
    const held = [...pending.held, d];
    const elapsed = [...pending.elapsed, at.elapsed];
    const sustained = pending.sign * s >= tests.sustain && pending.sign * d >= PAIR_SHARE * pending.sign * pending.deviation;
    // The run's mean, in sds of a mean of n deviations with lag-one correlation ρ.
    const runScore = normalEquivalent((pending.sign * sum(held)) / (sd * Math.sqrt(sumVariance(held.length, rho))), test.dof);
    if (sustained && runScore >= tests.pair) {
      const shape = classifyShape(test.deviations, test.times, at.interval, test.scale);
      outcome.verdict = "confirmed";
      outcome.change = {
        kind: shape.kind,
        sign: pending.sign,
        point: pending.point,
        time: pending.time,
        magnitude: shape.magnitude,
        score: runScore,
      };
      restartTests(test);
      return;
    }
    if (sustained && held.length < MAX_RUN) {
      // Repeated, but not yet decisively: retracted, and raised again for the run so far, still held back from learning.
      outcome.verdict = "retracted";
      test.pending = { ...pending, held, elapsed };
      outcome.raised = { sign: pending.sign, point: pending.point, time: pending.time, score: runScore };
      carried = true;
    } else {
      // Not repeated, the first value was a transient (an outlier); repeated too weakly to decide, merely retracted.
      outcome.verdict = sustained ? "retracted" : "transient";
      // The run was held back from learning until now (so it could not blunt this verdict).
      pending.held.forEach((deviation, i) => learnTests(test, deviation, pending.elapsed[i]!, at.floor, params));
    }
  }

  // The CUSUM reads the autocorrelation at its upper bound by UPPER standard errors (√((1 − ρ²)/n)
  // from n effective pairs): honest about how little a young series has shown of its slow swings.
  const pairs = test.lagSquare / test.scale;
  const cautious = Math.min(rho + UPPER * Math.sqrt((1 - rho * rho) / Math.max(pairs, 1)), MAX_AUTOCORRELATION);
  const longRun = sd * Math.sqrt((1 + cautious) / (1 - cautious));
  const increment = clip(d / longRun, CLIP);
  stepRun(test.up, increment, at, tests.allowance);
  stepRun(test.down, -increment, at, tests.allowance);
  const run = test.up.sum >= tests.threshold ? test.up : test.down.sum >= tests.threshold ? test.down : null;
  if (run) {
    const sign = run === test.up ? 1 : -1;
    const shape = classifyShape(test.deviations, test.times, at.interval, test.scale);
    outcome.change = { kind: shape.kind, sign, point: run.start, time: run.startTime, magnitude: shape.magnitude, score: run.sum };
    restartTests(test);
    return;
  }
  if (carried) return;
  if (Math.abs(s) >= tests.surprise) {
    const sign = s > 0 ? 1 : -1;
    test.pending = {
      sign,
      point: at.point,
      time: at.time,
      surprise: s,
      deviation: d,
      held: [d],
      elapsed: [at.elapsed],
      announced: at.announce,
    };
    outcome.raised = { sign, point: at.point, time: at.time, score: s };
    return;
  }
  learnTests(test, d, at.elapsed, at.floor, params);
}

/** One side of the CUSUM: the sum, and where its run began (the change's date if it confirms). */
function stepRun(run: CusumRun, increment: number, at: TestPoint, allowance: number): void {
  const sum = run.sum + increment - allowance;
  if (sum <= 0) {
    run.sum = 0;
    return;
  }
  if (run.sum === 0) {
    run.start = at.point;
    run.startTime = at.time;
  }
  run.sum = sum;
}

/** After a confirmed change: the reference restarts at the next point and both sums at 0. */
export function restartTests(test: TestState): void {
  test.weight = 0;
  test.pending = null;
  test.up = emptyRun();
  test.down = emptyRun();
  test.deviations = [];
  test.times = [];
}

function emptyRun(): CusumRun {
  return { sum: 0, start: 0, startTime: 0 };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Variance of a sum of n deviations of unit variance with lag-k correlation ρ^k: n + 2Σ_{k<n}(n − k)ρ^k. */
export function sumVariance(n: number, rho: number): number {
  let variance = n;
  let power = 1;
  for (let k = 1; k < n; k++) {
    power *= rho;
    variance += 2 * (n - k) * power;
  }
  return variance;
}
