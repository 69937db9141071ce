import type { NabFile } from "@/lib/bench/nab/corpus";
import { detectionWeights } from "@/lib/bench/nab/detection-weights";
import { normalise, scoreRange } from "@/lib/bench/nab/normalise";
import { perProfile, type CostWeights, type ProfileName, type Profiles } from "@/lib/bench/nab/profiles";
import { scoreFile, type FileScore } from "@/lib/bench/nab/score-file";
import { bestThreshold, sweepThresholds, type ThresholdScore } from "@/lib/bench/nab/threshold-sweep";

/** A detector's result on the corpus under one profile. */
export interface ProfileResult {
  threshold: number;
  raw: number;
  normalised: number;
  /** Per file, in the corpus' order. */
  files: FileScore[];
}

export type DetectorResult = Record<ProfileName, ProfileResult>;

/** Scores every file at one threshold and totals them (NAB's scoreCorpus). */
export function scoreAtThreshold(
  files: readonly NabFile[],
  scores: readonly ArrayLike<number>[],
  costs: CostWeights,
  threshold: number,
): ProfileResult {
  const results = files.map((file, i) =>
    scoreFile(detectionWeights(file.times.length, file.windows, costs), scoresOf(scores, i), threshold),
  );
  const raw = results.reduce((sum, r) => sum + r.score, 0);
  return { threshold, raw, normalised: normalise(raw, scoreRange(files, costs)), files: results };
}

/**
 * NAB's optimise-then-score: the sweep picks the corpus threshold with the best raw score, and the
 * files are then scored at it. The per-file total must equal the sweep's score; a gap would mean
 * the two halves disagree about the rules, so it is an error, not a footnote.
 */
export function scoreWithSweep(files: readonly NabFile[], scores: readonly ArrayLike<number>[], costs: CostWeights): ProfileResult {
  const best = bestThreshold(sweepCorpus(files, scores, costs));
  const result = scoreAtThreshold(files, scores, costs, best.threshold);
  if (Math.abs(result.raw - best.score) > 1e-9 * Math.max(1, Math.abs(best.score))) {
    throw new Error(`sweep scored ${best.score} at threshold ${best.threshold}, the files total ${result.raw}`);
  }
  return result;
}

/** Every candidate threshold's corpus result under one profile, from nothing detected down (NAB's sweep). */
export function sweepCorpus(files: readonly NabFile[], scores: readonly ArrayLike<number>[], costs: CostWeights): ThresholdScore[] {
  return sweepThresholds(
    files.map((file, i) => ({ weights: detectionWeights(file.times.length, file.windows, costs), scores: scoresOf(scores, i) })),
  );
}

/** A detector's result under every profile: pages at threshold 1, a continuous score by the sweep. */
export function evaluateDetector(
  files: readonly NabFile[],
  scores: readonly ArrayLike<number>[],
  profiles: Profiles,
  output: "pages" | "score",
): DetectorResult {
  return perProfile((name) =>
    output === "pages" ? scoreAtThreshold(files, scores, profiles[name], 1) : scoreWithSweep(files, scores, profiles[name]),
  );
}

function scoresOf(scores: readonly ArrayLike<number>[], i: number): ArrayLike<number> {
  const found = scores[i];
  if (!found) throw new RangeError(`no scores for file ${i}`);
  return found;
}
