import { readFileSync } from "node:fs";
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
  const [category, name] = file.key.split("/") as [string, string];
  const source = path.join(dir, "baselines", detector, category, `${detector}_${name}`);
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
