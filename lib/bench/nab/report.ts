import type { CategoryFigures } from "@/lib/bench/nab/category-summary";
import type { Calibration } from "@/lib/bench/nab/cyberstride-detector";
import type { DetectorResult } from "@/lib/bench/nab/evaluate";
import { perProfile, PROFILE_NAMES, type ProfileName } from "@/lib/bench/nab/profiles";
import type { PublishedTotal } from "@/lib/bench/nab/published-baselines";
import type { FileScore } from "@/lib/bench/nab/score-file";

/** A markdown table, one string per line, as the other benches print. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}

/** One figure per profile, or a single one when all three agree. */
function perProfileText(values: Record<ProfileName, string>): string {
  const all = PROFILE_NAMES.map((p) => values[p]);
  return new Set(all).size === 1 ? all[0]! : all.join(" / ");
}

// Twelve significant digits: a swept threshold can sit a hair below 1 (0.999999999999), which must not print as 1.
const threshold = (t: number) => (t > 1 ? `${t} (detects nothing)` : String(Number(t.toPrecision(12))));
const sum = (files: readonly FileScore[], pick: (f: FileScore) => number) => files.reduce((s, f) => s + pick(f), 0);

export const DETECTOR_HEADER = ["detector", "standard", "reward low FP", "reward low FN", "threshold", "windows hit", "FP rows"] as const;

/** A scored detector's row: normalised scores, the thresholds used, windows hit and FP rows. */
export function detectorRow(name: string, result: DetectorResult): string[] {
  const windows = (p: ProfileName) => `${sum(result[p].files, (f) => f.windowsHit)}/${sum(result[p].files, (f) => f.windows)}`;
  return [
    name,
    ...PROFILE_NAMES.map((p) => result[p].normalised.toFixed(1)),
    perProfileText(perProfile((p) => threshold(result[p].threshold))),
    perProfileText(perProfile(windows)),
    perProfileText(perProfile((p) => String(sum(result[p].files, (f) => f.fp)))),
  ];
}

/** A published detector's row, totalled from the published file scores (windows hit is not published). */
export function publishedRow(name: string, totals: Record<ProfileName, PublishedTotal>): string[] {
  const text = (pick: (t: PublishedTotal) => string) => perProfileText(perProfile((p) => pick(totals[p])));
  return [
    name,
    ...PROFILE_NAMES.map((p) => totals[p].normalised.toFixed(1)),
    text((t) => t.thresholds.map(threshold).join(", ")),
    "–",
    text((t) => String(t.fp)),
  ];
}

/** Per-category lines: windows and FP rows at the standard threshold, and each category's points. */
export function categoryTable(figures: readonly CategoryFigures[]): string[] {
  return table(
    ["category", "files", "windows hit", "FP rows", "points standard", "points low FP", "points low FN"],
    figures.map((c) => [
      c.category,
      String(c.files),
      `${c.windowsHit}/${c.windows}`,
      String(c.fp),
      ...PROFILE_NAMES.map((p) => c.points[p].toFixed(1)),
    ]),
  );
}

/** Per-file lines: windows hit, NAB's row counts and the raw score under each profile. */
export function fileTable(keys: readonly string[], result: DetectorResult): string[] {
  return table(
    ["file", "windows hit", "TP/TN/FP/FN rows (standard)", "raw standard", "raw low FP", "raw low FN"],
    keys.map((key, i) => {
      const s = result.standard.files[i]!;
      return [
        key,
        `${s.windowsHit}/${s.windows}`,
        `${s.tp}/${s.tn}/${s.fp}/${s.fn}`,
        ...PROFILE_NAMES.map((p) => result[p].files[i]!.score.toFixed(3)),
      ];
    }),
  );
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(2)}%` : "–");

/** Calibration per series and pooled over all of them. */
export function calibrationTable(keys: readonly string[], calibrations: readonly Calibration[]): string[] {
  const all = calibrations.reduce(
    (s, c) => ({ filtered: s.filtered + c.filtered, beyond2: s.beyond2 + c.beyond2, beyond3: s.beyond3 + c.beyond3 }),
    { filtered: 0, beyond2: 0, beyond3: 0 },
  );
  const row = (name: string, c: Calibration) => [name, String(c.filtered), percent(c.beyond2, c.filtered), percent(c.beyond3, c.filtered)];
  return table(
    ["series", "filtered points", "beyond 2 sd", "beyond 3 sd"],
    [...keys.map((key, i) => row(key, calibrations[i]!)), row(`all ${keys.length} series`, all)],
  );
}
