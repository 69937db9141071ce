import type { FilterParams } from "@/lib/vsm/filter/filter-params";

/**
 * The regime at the previous point, held one point longer than the 4-component collapse keeps it.
 * A step whose first point noise shrank spreads its evidence over two one-step-back verdicts
 * (q ≈ 0.3 at t+1 for a step at t, ≈ 0.4 at t+2 for one at t+1), and by t+2 the first has been
 * merged into the steady component, so the point that would settle it can no longer weigh it.
 * Besides the usual collapse by the current regime j, the pairs are also moment-matched by their
 * source regime i (the regime at the previous point), weight q(i); the next value's predictive
 * likelihood under each then gives P(regime two points back | y): a fixed-lag-2 smoother, at 16
 * more Kalman predictions per point. Layout: per source regime [weight, level, slope, C11, C12, C22], then the step's level jump.
 */
export const HALF = 6;
export const BRANCH_SIZE = 4 * HALF + 1;
export const JUMP = 4 * HALF;

/** Scratch for the per-source and per-regime log weights, so the hot path allocates nothing. */
const sourceLogs = new Float64Array(4);
const regimeLogs = new Float64Array(4);

export function emptyBranch(): number[] {
  return new Array<number>(BRANCH_SIZE).fill(0);
}

/** P(step two points back | y): the step source's share of the four sources' predictive weights for y. */
export function earlierStepProbability(branch: readonly number[], y: number, variance: number, dof: number, params: FilterParams): number {
  const logs = sourceLogs;
  let max = -Infinity;
  for (let i = 0; i < 4; i++) {
    logs[i] = logPredictive(branch, HALF * i, y, variance, dof, params);
    max = Math.max(max, logs[i]!);
  }
  if (logs[1] === -Infinity) return 0;
  let total = 0;
  for (let i = 0; i < 4; i++) total += Math.exp(logs[i]! - max);
  return Math.exp(logs[1]! - max) / total;
}

/** log(w·Σ_j π_j·t(y; f_j, Q_j)) of one half, up to the constant every pair shares; −∞ when empty. */
function logPredictive(branch: readonly number[], at: number, y: number, variance: number, dof: number, params: FilterParams): number {
  const weight = branch[at]!;
  if (!(weight > 0)) return -Infinity;
  const { re, rg, rd, logPrior } = params;
  const e = y - branch[at + 1]! - branch[at + 2]!;
  const g11 = branch[at + 3]! + 2 * branch[at + 4]! + branch[at + 5]!;
  const tail = 0.5 * (dof + 1);
  const logs = regimeLogs;
  let max = -Infinity;
  for (let j = 0; j < 4; j++) {
    const q = g11 + variance * (rg[j]! + rd[j]! + re[j]!);
    logs[j] = logPrior[j]! - 0.5 * Math.log(q) - tail * Math.log1p((e * e) / q / dof);
    max = Math.max(max, logs[j]!);
  }
  let sum = 0;
  for (let j = 0; j < 4; j++) sum += Math.exp(logs[j]! - max);
  return Math.log(weight) + max + Math.log(sum);
}
