import { loadBaselineScores } from "@/lib/bench/nab/baseline-outputs";
import type { NabFile } from "@/lib/bench/nab/corpus";
import { scoreAtThreshold, type DetectorResult } from "@/lib/bench/nab/evaluate";
import { perProfile, PROFILE_NAMES, type Profiles } from "@/lib/bench/nab/profiles";
import type { PublishedFileScore } from "@/lib/bench/nab/published-scores";

/** How closely the scorer, fed a published detector's per-row outputs, gives its published file scores. */
export interface Reproduction {
  detector: string;
  /** Its per-row outputs, file by file in the corpus' order. */
  scores: Float64Array[];
  result: DetectorResult;
  /** File × profile pairs compared. */
  compared: number;
  /** The largest |ours − published| file score. */
  maxScoreError: number;
  /** Pairs whose TP/TN/FP/FN row counts differ from the published ones, described. */
  countMismatches: string[];
}

/**
 * Re-scores a published detector from its per-row outputs at its published threshold(s) and lines
 * each file up against published-file-scores.csv. The published file scores carry 12 significant
 * digits, so agreement is to about 1e-11.
 */
export function reproducePublished(
  dir: string,
  files: readonly NabFile[],
  profiles: Profiles,
  published: readonly PublishedFileScore[],
  detector: string,
): Reproduction {
  const scores = files.map((file) => loadBaselineScores(dir, detector, file));
  const rowsFor = (profile: string) =>
    new Map(published.filter((r) => r.detector === detector && r.profile === profile).map((r) => [r.file, r]));
  const result = perProfile((profile) => {
    const thresholds = [...new Set([...rowsFor(profile).values()].map((r) => r.threshold))];
    const [threshold] = thresholds;
    if (threshold === undefined || thresholds.length > 1)
      throw new Error(`${detector}/${profile}: expected one published threshold, found ${thresholds.join(", ") || "none"}`);
    return scoreAtThreshold(files, scores, profiles[profile], threshold);
  });
  let compared = 0;
  let maxScoreError = 0;
  const countMismatches: string[] = [];
  for (const profile of PROFILE_NAMES) {
    const rows = rowsFor(profile);
    files.forEach((file, i) => {
      const mine = result[profile].files[i]!;
      const theirs = rows.get(file.key);
      if (!theirs) throw new Error(`${detector}/${profile}: no published score for ${file.key}`);
      compared += 1;
      maxScoreError = Math.max(maxScoreError, Math.abs(mine.score - theirs.score));
      const counts = (c: { tp: number; tn: number; fp: number; fn: number }) => `${c.tp}/${c.tn}/${c.fp}/${c.fn}`;
      if (counts(mine) !== counts(theirs))
        countMismatches.push(`${profile} ${file.key}: TP/TN/FP/FN ${counts(mine)}, published ${counts(theirs)}`);
    });
  }
  return { detector, scores, result, compared, maxScoreError, countMismatches };
}
