import type { MetricType } from "./remote-write-descriptor";

/**
 * Whether a remote-write series is a gauge (its values are observations) or a counter (its values
 * become rates per second, docs/design.md §4). Prometheus sends metadata in separate requests about
 * once a minute, never beside the samples, so the decision uses metadata when it is known (the
 * pipeline keeps what earlier requests carried) and otherwise the naming conventions:
 * - `_total` ends a counter (OpenMetrics requires it; the Prometheus guidelines ask for it);
 * - `_count` and `_sum` are the cumulative parts of a histogram or summary: counters;
 * - `_bucket` series and summary `quantile` series split one measurement over many series,
 *   which merging would mix up (a mean of p50 and p99): rejected, with the advice to record the
 *   one wanted (e.g. a `histogram_quantile` recording rule) under its own name;
 * - everything else is a gauge.
 * Metadata wins over the suffix: a family declared GAUGE stays a gauge even if it ends in `_total`.
 */
export type SeriesKind = { kind: "gauge" | "counter" } | { kind: "unsupported"; reason: string };

const SPLIT_REASON = "must be recorded as one series under its own name (e.g. with a recording rule) to become an indicator";

export function seriesKind(name: string, labels: Readonly<Record<string, string>>, types: ReadonlyMap<string, MetricType>): SeriesKind {
  const exact = types.get(name);
  if (exact === "counter") return { kind: "counter" };
  if (exact === "gauge" || exact === "unknown" || exact === "info" || exact === "stateset") return { kind: "gauge" };
  const suffix = /_(total|count|sum|bucket)$/.exec(name)?.[1];
  const family = suffix === undefined ? undefined : types.get(name.slice(0, -suffix.length - 1));
  if (suffix === "bucket" || "le" in labels) return { kind: "unsupported", reason: `histogram buckets ${SPLIT_REASON}` };
  if ("quantile" in labels) return { kind: "unsupported", reason: `summary quantiles ${SPLIT_REASON}` };
  if (family === "gauge" || family === "gaugehistogram") return { kind: "gauge" };
  return suffix === undefined ? { kind: "gauge" } : { kind: "counter" };
}
