import { readFileSync } from "node:fs";
import path from "node:path";
import { columnIndex, numberField, readCsv } from "@/lib/bench/nab/csv";
import { PROFILE_NAMES, type ProfileName } from "@/lib/bench/nab/profiles";

/** One row of NAB's published results: a detector's score on one file at its corpus threshold. */
export interface PublishedFileScore {
  detector: string;
  profile: ProfileName;
  file: string;
  threshold: number;
  score: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
}

const isProfile = (name: string): name is ProfileName => (PROFILE_NAMES as readonly string[]).includes(name);

/** baselines/published-file-scores.csv (`Detector,Profile,File,Threshold,Score,TP,TN,FP,FN`). */
export function loadPublishedScores(dir: string): PublishedFileScore[] {
  const file = path.join(dir, "baselines", "published-file-scores.csv");
  const { header, rows } = readCsv(readFileSync(file, "utf8"), file);
  const col = (name: string) => columnIndex(header, name, file);
  const [detector, profile, key, threshold, score, tp, tn, fp, fn] = [
    "Detector",
    "Profile",
    "File",
    "Threshold",
    "Score",
    "TP",
    "TN",
    "FP",
    "FN",
  ].map(col) as [number, number, number, number, number, number, number, number, number];
  return rows.map((row, i) => {
    const where = `${file}:${i + 2}`;
    const profileName = row[profile]!;
    if (!isProfile(profileName)) throw new Error(`${where}: unknown profile "${profileName}"`);
    const num = (c: number) => numberField(row[c], where);
    return {
      detector: row[detector]!,
      profile: profileName,
      file: row[key]!,
      threshold: num(threshold),
      score: num(score),
      tp: num(tp),
      tn: num(tn),
      fp: num(fp),
      fn: num(fn),
    };
  });
}
