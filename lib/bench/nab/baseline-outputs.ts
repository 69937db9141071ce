import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { NabFile } from "@/lib/bench/nab/corpus";
import { columnIndex, numberField, readCsv } from "@/lib/bench/nab/csv";
import { parseNaiveTimestamp } from "@/lib/bench/nab/timestamp";

/**
 * A published detector's per-row anomaly scores for one file
 * (`baselines/<detector>/<category>/<detector>_<name>.csv`). Its rows must be the data file's rows,
 * time for time: a score lined up against the wrong row would be scored in the wrong place.
 */
export function loadBaselineScores(dir: string, detector: string, file: NabFile): Float64Array {
  const source = baselinePath(dir, detector, file);
  const { header, rows } = readCsv(readFileSync(source, "utf8"), source);
  if (rows.length !== file.times.length) throw new Error(`${source}: ${rows.length} rows, the data file has ${file.times.length}`);
  const at = columnIndex(header, "timestamp", source);
  const column = columnIndex(header, "anomaly_score", source);
  const scores = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    if (parseNaiveTimestamp(row[at]!) !== file.times[i]) throw new Error(`${source}:${i + 2}: timestamp differs from the data file's row`);
    scores[i] = numberField(row[column], `${source}:${i + 2}`);
  });
  return scores;
}

function baselinePath(dir: string, detector: string, file: NabFile): string {
  const [category, name] = file.key.split("/") as [string, string];
  return path.join(dir, "baselines", detector, category, `${detector}_${name}`);
}

/** The files whose per-row outputs of `detector` are missing (a NAB folder may hold only the data and labels). */
export function missingBaselines(dir: string, detector: string, files: readonly NabFile[]): string[] {
  return files.filter((file) => !existsSync(baselinePath(dir, detector, file))).map((file) => file.key);
}
