import type { NabFile } from "@/lib/bench/nab/corpus";
import { normalise, scoreRange } from "@/lib/bench/nab/normalise";
import { perProfile, type ProfileName, type Profiles } from "@/lib/bench/nab/profiles";
import type { PublishedFileScore } from "@/lib/bench/nab/published-scores";

/** A published detector's figures on the corpus' files under one profile. */
export interface PublishedTotal {
  /** The thresholds its rows were scored at (NAB uses one per detector and profile). */
  thresholds: number[];
  raw: number;
  normalised: number;
  fp: number;
}

export interface PublishedBaselines {
  /** Detector names in the order they first appear in the file. */
  detectors: string[];
  totals: Map<string, Record<ProfileName, PublishedTotal>>;
  /** The published null detector's raw total per profile, which normalisation starts from. */
  nullRaw: Record<ProfileName, number>;
}

/**
 * The published per-file scores totalled over the corpus' files and normalised as NAB does, from
 * the published null detector's total to perfect (tpWeight per window). Normalising over this
 * subset, not NAB's 58 files, is what makes them comparable with a detector run on the subset.
 * Every detector must have a row for every file under every profile; a gap is an error.
 */
export function publishedBaselines(rows: readonly PublishedFileScore[], files: readonly NabFile[], profiles: Profiles): PublishedBaselines {
  const keys = new Set(files.map((f) => f.key));
  const detectors = [...new Set(rows.map((r) => r.detector))];
  const sum = (detector: string, profile: ProfileName) => {
    const mine = rows.filter((r) => r.detector === detector && r.profile === profile && keys.has(r.file));
    const covered = new Set(mine.map((r) => r.file));
    if (covered.size !== keys.size || mine.length !== keys.size)
      throw new Error(`published scores: ${detector}/${profile} covers ${covered.size} of ${keys.size} files in ${mine.length} rows`);
    return {
      thresholds: [...new Set(mine.map((r) => r.threshold))],
      raw: mine.reduce((s, r) => s + r.score, 0),
      fp: mine.reduce((s, r) => s + r.fp, 0),
    };
  };
  if (!detectors.includes("null")) throw new Error("published scores: no null detector to normalise from");
  const nullRaw = perProfile((p) => sum("null", p).raw);
  const totals = new Map<string, Record<ProfileName, PublishedTotal>>();
  for (const detector of detectors) {
    totals.set(
      detector,
      perProfile((p) => {
        const s = sum(detector, p);
        return { ...s, normalised: normalise(s.raw, { nullRaw: nullRaw[p], perfectRaw: scoreRange(files, profiles[p]).perfectRaw }) };
      }),
    );
  }
  return { detectors, totals, nullRaw };
}
