import type { DetectionWeights } from "@/lib/bench/nab/detection-weights";

/** One file's NAB result at one threshold, with the row counts NAB's results files carry. */
export interface FileScore {
  /** The raw score: each window's best detection (or −fnWeight), plus every false positive's cost. */
  score: number;
  /** Scored rows (after probation): detected in a window, quiet outside, detected outside, quiet in a window. */
  tp: number;
  tn: number;
  fp: number;
  fn: number;
  total: number;
  /** Windows with at least one scored row, and how many of those hold a detection. */
  windows: number;
  windowsHit: number;
}

/**
 * Scores one file at a threshold the way NAB's Sweeper.scoreDataSet does: a row is a detection
 * when its anomaly score is ≥ the threshold; probationary rows are dropped; each window counts
 * once, at its best-valued detection (the earliest, since values fall across a window), or costs
 * fnWeight when it has none; every detection outside the windows adds its cost.
 *
 * Two of NAB's edge cases, followed on purpose: a window lying wholly inside the probationary rows
 * vanishes (it is neither hit nor missed), and TP/FN count rows, not windows. NAB finds the
 * threshold's row in its sweep and returns nothing when the threshold is below every score in the
 * file; reading "≥ threshold" directly gives the same answer everywhere else and detects every
 * row there (threshold-sweep.test.ts checks the two agree).
 */
export function scoreFile(weights: DetectionWeights, scores: ArrayLike<number>, threshold: number): FileScore {
  if (scores.length !== weights.weight.length) throw new RangeError(`${scores.length} scores for ${weights.weight.length} rows`);
  const best = new Float64Array(weights.windows);
  const scored = new Uint8Array(weights.windows);
  const hit = new Uint8Array(weights.windows);
  let fpCost = 0;
  const result: FileScore = { score: 0, tp: 0, tn: 0, fp: 0, fn: 0, total: 0, windows: 0, windowsHit: 0 };
  for (let i = weights.firstScored; i < scores.length; i++) {
    const detected = scores[i]! >= threshold;
    const window = weights.windowOf[i]!;
    if (window < 0) {
      if (detected) {
        result.fp += 1;
        fpCost += weights.weight[i]!;
      } else result.tn += 1;
      continue;
    }
    if (!scored[window]) {
      scored[window] = 1;
      best[window] = -weights.costs.fnWeight;
    }
    if (detected) {
      result.tp += 1;
      hit[window] = 1;
      best[window] = Math.max(best[window]!, weights.weight[i]!);
    } else result.fn += 1;
  }
  // NAB sums the false positives first, then the windows.
  let score = fpCost;
  for (let k = 0; k < weights.windows; k++) {
    if (!scored[k]) continue;
    score += best[k]!;
    result.windows += 1;
    result.windowsHit += hit[k]!;
  }
  result.score = score;
  result.total = result.tp + result.tn + result.fp + result.fn;
  return result;
}
