import type { NabFile } from "@/lib/bench/nab/corpus";
import type { DetectorResult } from "@/lib/bench/nab/evaluate";
import { scoreRange } from "@/lib/bench/nab/normalise";
import { perProfile, type ProfileName, type Profiles } from "@/lib/bench/nab/profiles";

/** A detector's figures on one category of files. */
export interface CategoryFigures {
  category: string;
  files: number;
  windows: number;
  /** Windows hit and false-positive rows at the standard profile's threshold. */
  windowsHit: number;
  fp: number;
  /**
   * The category's part of the normalised score: 100·(raw − null)/(perfect − null) with the
   * category's raw and null but the whole corpus' range, so the categories add up to the total.
   */
  points: Record<ProfileName, number>;
}

/** Per-category figures, categories in the corpus' order. */
export function byCategory(files: readonly NabFile[], result: DetectorResult, profiles: Profiles): CategoryFigures[] {
  const categories = [...new Set(files.map((f) => f.category))];
  return categories.map((category) => {
    const members = files.flatMap((file, i) => (file.category === category ? [i] : []));
    const mine = members.map((i) => files[i]!);
    const standard = members.map((i) => result.standard.files[i]!);
    const points = perProfile((profile) => {
      const corpus = scoreRange(files, profiles[profile]);
      const raw = members.reduce((sum, i) => sum + result[profile].files[i]!.score, 0);
      return (100 * (raw - scoreRange(mine, profiles[profile]).nullRaw)) / (corpus.perfectRaw - corpus.nullRaw);
    });
    return {
      category,
      files: members.length,
      windows: standard.reduce((s, f) => s + f.windows, 0),
      windowsHit: standard.reduce((s, f) => s + f.windowsHit, 0),
      fp: standard.reduce((s, f) => s + f.fp, 0),
      points,
    };
  });
}
