import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { columnIndex, numberField, readCsv } from "@/lib/bench/nab/csv";
import { parseNaiveTimestamp } from "@/lib/bench/nab/timestamp";
import { windowRows, type WindowRows } from "@/lib/bench/nab/window-rows";

/** One NAB series with its labelled anomaly windows. */
export interface NabFile {
  /** `<category>/<name>.csv`: NAB's key in windows.json and in every results file. */
  key: string;
  category: string;
  /** Epoch ms of each row (local wall-clock read as UTC, see timestamp.ts). */
  times: Float64Array;
  values: Float64Array;
  windows: WindowRows[];
}

const windowsSchema = z.record(z.string(), z.array(z.tuple([z.string(), z.string()])));

/**
 * Every file named in windows.json, in key order, with its rows from data/. windows.json is the
 * list of files because it is NAB's: a data file it does not name has no labels and cannot be scored.
 */
export function loadCorpus(dir: string): NabFile[] {
  const windowsFile = path.join(dir, "windows.json");
  const labels = windowsSchema.parse(JSON.parse(readFileSync(windowsFile, "utf8")));
  return Object.keys(labels)
    .sort()
    .map((key) => {
      const source = path.join(dir, "data", key);
      const { times, values } = readSeries(source);
      const limits = labels[key]!.map(([start, end]) => [parseNaiveTimestamp(start), parseNaiveTimestamp(end)] as const);
      return { key, category: key.split("/")[0]!, times, values, windows: windowRows(times, limits, `${windowsFile} ${key}`) };
    });
}

/** A `timestamp,value` file as two aligned arrays. */
export function readSeries(file: string): { times: Float64Array; values: Float64Array } {
  const { header, rows } = readCsv(readFileSync(file, "utf8"), file);
  const at = columnIndex(header, "timestamp", file);
  const column = columnIndex(header, "value", file);
  const times = new Float64Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    times[i] = parseNaiveTimestamp(row[at]!);
    values[i] = numberField(row[column], `${file}:${i + 2}`);
  });
  return { times, values };
}
