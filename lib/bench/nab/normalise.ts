import type { NabFile } from "@/lib/bench/nab/corpus";
import { probationLength } from "@/lib/bench/nab/probation";
import type { CostWeights } from "@/lib/bench/nab/profiles";

/** The two raw scores a profile's results are normalised between. */
export interface ScoreRange {
  /** The detector that detects nothing: every window it can be judged on costs fnWeight. */
  nullRaw: number;
  /** NAB's "perfect": tpWeight for every labelled window (runner.normalize counts them all). */
  perfectRaw: number;
}

/**
 * The null and perfect raw scores over a set of files. A window lying wholly inside probation is
 * not charged to null (NAB's sweeper never sees it) but still counts toward perfect, as in NAB; no
 * window of the shipped subset is like that, so the distinction is for correctness, not effect.
 */
export function scoreRange(files: readonly NabFile[], costs: CostWeights): ScoreRange {
  let judged = 0;
  let all = 0;
  for (const file of files) {
    const firstScored = probationLength(file.times.length);
    for (const window of file.windows) {
      all += 1;
      if (window.end >= firstScored) judged += 1;
    }
  }
  return { nullRaw: -costs.fnWeight * judged, perfectRaw: costs.tpWeight * all };
}

/** NAB's normalised score: 100·(raw − null)/(perfect − null); 0 for null, 100 for perfect. */
export function normalise(raw: number, range: ScoreRange): number {
  return (100 * (raw - range.nullRaw)) / (range.perfectRaw - range.nullRaw);
}
