import type { DetectionWeights } from "@/lib/bench/nab/detection-weights";

/** The corpus result of one candidate threshold (NAB's ThresholdScore). */
export interface ThresholdScore {
  threshold: number;
  score: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
  total: number;
}

/** One file's per-row anomaly scores with the detection values of its rows under one profile. */
export interface ScoredFile {
  weights: DetectionWeights;
  scores: ArrayLike<number>;
}

/** NAB's first candidate: above every score in [0, 1], so nothing is detected. */
const ABOVE_ALL = 1.1;

/**
 * NAB's Sweeper.calcScoreByThreshold over a whole corpus: the scored rows of all files pooled and
 * walked from the highest anomaly score down. Each distinct score is a candidate threshold, and
 * its entry is the corpus raw score with every row scoring ≥ it detected (the entry is recorded on
 * reaching the next lower score, so ties are all in). The first entry is 1.1, detecting nothing.
 * Rows of equal score are taken in file order (Python's sort is stable), and false-positive costs
 * are summed in that order, like NAB's, so the totals agree to rounding.
 */
export function sweepThresholds(files: readonly ScoredFile[]): ThresholdScore[] {
  const score: number[] = [];
  const weight: number[] = [];
  const window: number[] = [];
  const missCost: number[] = [];
  for (const { weights, scores } of files) {
    if (scores.length !== weights.weight.length) throw new RangeError(`${scores.length} scores for ${weights.weight.length} rows`);
    const offset = missCost.length;
    const seen = new Set<number>();
    for (let i = weights.firstScored; i < scores.length; i++) {
      const k = weights.windowOf[i]!;
      score.push(scores[i]!);
      weight.push(weights.weight[i]!);
      window.push(k < 0 ? -1 : offset + k);
      if (k >= 0) seen.add(k);
    }
    // A window with no scored row has no part in NAB's sum: it is neither missed nor hit.
    for (let k = 0; k < weights.windows; k++) missCost.push(seen.has(k) ? -weights.costs.fnWeight : Number.NaN);
  }

  const order = Array.from(score.keys()).sort((a, b) => score[b]! - score[a]!);
  const parts = Float64Array.from(missCost);
  let fpCost = 0;
  let tp = 0;
  let fp = 0;
  let fn = window.filter((k) => k >= 0).length;
  let tn = window.length - fn;
  const total = () => {
    let sum = fpCost;
    for (const part of parts) if (!Number.isNaN(part)) sum += part;
    return sum;
  };
  const entries: ThresholdScore[] = [];
  let threshold = ABOVE_ALL;
  for (const row of order) {
    const rowScore = score[row]!;
    if (rowScore !== threshold) {
      entries.push({ threshold, score: total(), tp, tn, fp, fn, total: tp + tn + fp + fn });
      threshold = rowScore;
    }
    const k = window[row]!;
    if (k < 0) {
      fp += 1;
      tn -= 1;
      fpCost += weight[row]!;
    } else {
      tp += 1;
      fn -= 1;
      parts[k] = Math.max(parts[k]!, weight[row]!);
    }
  }
  entries.push({ threshold, score: total(), tp, tn, fp, fn, total: tp + tn + fp + fn });
  return entries;
}

/**
 * The corpus-optimised threshold: the entry with the highest score. On a tie NAB keeps the first,
 * i.e. the highest threshold (it sorts by score, descending, with Python's stable sort).
 */
export function bestThreshold(entries: readonly ThresholdScore[]): ThresholdScore {
  let best = entries[0];
  if (!best) throw new RangeError("no thresholds to choose from");
  for (const entry of entries) if (entry.score > best.score) best = entry;
  return best;
}
