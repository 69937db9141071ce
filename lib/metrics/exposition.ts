/**
 * Prometheus text exposition format 0.0.4 (docs/metrics.md): what a scrape of `/api/metrics`
 * answers. Pure: families in, text out. Label pairs are ordered arrays rather than objects so the
 * order a metric declares its labels in is the order they are written in.
 */
export const EXPOSITION_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export type MetricType = "counter" | "gauge" | "histogram";

export type LabelPairs = readonly (readonly [name: string, value: string])[];

export interface Sample {
  /** Appended to the family's name: `_bucket`, `_sum`, `_count` for a histogram, else "". */
  suffix: "" | "_bucket" | "_sum" | "_count";
  labels: LabelPairs;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: readonly Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
// Names starting with "__" are reserved for Prometheus' own use.
const LABEL_NAME = /^(?!__)[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

export function isLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** HELP text escapes backslash and line feed; a double quote stays as it is. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

/** A label value escapes backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Go's float syntax as Prometheus parses it: `NaN`, `+Inf`, `-Inf`, else the shortest decimal. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function formatLabels(labels: LabelPairs): string {
  if (labels.length === 0) return "";
  return `{${labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(",")}}`;
}

function formatFamily(family: MetricFamily): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const sample of family.samples) {
    lines.push(`${family.name}${sample.suffix}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
  }
  return lines.join("\n");
}

/**
 * The exposition of these families, in the order given, ending in a line feed as the format
 * requires. Names are checked here too, so a bad name fails loudly rather than breaking a scrape.
 */
export function renderExposition(families: readonly MetricFamily[]): string {
  for (const family of families) {
    if (!isMetricName(family.name)) throw new Error(`"${family.name}" is not a valid metric name`);
    for (const sample of family.samples) {
      const bad = sample.labels.find(([name]) => !isLabelName(name));
      if (bad) throw new Error(`"${bad[0]}" is not a valid label name (metric ${family.name})`);
    }
  }
  return families.map((family) => `${formatFamily(family)}\n`).join("");
}
