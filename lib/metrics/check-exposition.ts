/**
 * A strict reader of Prometheus text exposition 0.0.4, for the tests of what /api/metrics writes: every line must be a HELP, a TYPE
 * or a sample of the family announced above it, every series appears once, a histogram's buckets
 * rise to `le="+Inf"`, which equals its `_count`. Returns the problems found (none: valid).
 */
const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const VALUE = "(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|NaN|[+-]Inf)";
const HELP = new RegExp(`^# HELP (${NAME}) (?:[^\\\\\\n]|\\\\[\\\\n])*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${NAME})(\\{(?:${LABEL}(?:,${LABEL})*)?\\})? (${VALUE})(?: -?\\d+)?$`);

const SUFFIXES: Record<string, readonly string[]> = {
  counter: [""],
  gauge: [""],
  untyped: [""],
  histogram: ["_bucket", "_sum", "_count"],
  summary: ["", "_sum", "_count"],
};

export interface ParsedSample {
  name: string;
  /** The label text as written, braces included, or "" without labels. */
  labels: string;
  value: number;
}

export function expositionProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.length > 0 && !text.endsWith("\n")) problems.push("the text does not end with a line feed");
  let family: { name: string; type: string } | undefined;
  const helped = new Set<string>();
  const typed = new Set<string>();
  const series = new Set<string>();
  const buckets = new Map<string, number>();
  lines(text).forEach((line, i) => {
    const at = `line ${i + 1}: ${line}`;
    const help = HELP.exec(line);
    const type = TYPE.exec(line);
    const sample = SAMPLE.exec(line);
    if (help) {
      if (helped.has(help[1]!)) problems.push(`${at}: a second HELP`);
      helped.add(help[1]!);
    } else if (type) {
      if (typed.has(type[1]!)) problems.push(`${at}: a second TYPE`);
      typed.add(type[1]!);
      family = { name: type[1]!, type: type[2]! };
    } else if (sample) {
      const [, name, labels = "", value] = sample;
      const suffix = family === undefined ? undefined : name!.slice(family.name.length);
      if (family === undefined || !name!.startsWith(family.name) || !SUFFIXES[family.type]!.includes(suffix!)) {
        problems.push(`${at}: not a sample of the family announced above it`);
      }
      if (series.has(`${name}${labels}`)) problems.push(`${at}: the same series twice`);
      series.add(`${name}${labels}`);
      if (family?.type === "histogram") problems.push(...histogramProblems(at, name!, labels, Number(value), buckets));
    } else {
      problems.push(`${at}: not a HELP, TYPE or sample line`);
    }
  });
  return problems;
}

/** Buckets of one series never fall as `le` rises, and `+Inf` equals `_count`. */
function histogramProblems(at: string, name: string, labels: string, value: number, buckets: Map<string, number>): string[] {
  const series = labels
    .replace(/,?le="[^"]*"/, "")
    .replace("{,", "{")
    .replace(/^\{\}$/, "");
  if (name.endsWith("_bucket")) {
    const key = `${name.slice(0, -"_bucket".length)}${series}`;
    const previous = buckets.get(key) ?? 0;
    buckets.set(key, value);
    return value < previous ? [`${at}: a bucket below the one before it`] : [];
  }
  if (name.endsWith("_count")) {
    const last = buckets.get(`${name.slice(0, -"_count".length)}${series}`);
    return last === value ? [] : [`${at}: _count ${value} differs from the +Inf bucket ${String(last)}`];
  }
  return [];
}

/** Every sample line, for looking values up in tests. */
export function samplesOf(text: string): ParsedSample[] {
  return lines(text).flatMap((line) => {
    const match = SAMPLE.exec(line);
    return match ? [{ name: match[1]!, labels: match[2] ?? "", value: Number(match[3]) }] : [];
  });
}

/** The value of the series written exactly as `series` (`name{a="b"}`), or undefined. */
export function sampleValue(text: string, series: string): number | undefined {
  return samplesOf(text).find((s) => `${s.name}${s.labels}` === series)?.value;
}

function lines(text: string): string[] {
  const all = text.split("\n");
  if (all.at(-1) === "") all.pop();
  return all;
}
