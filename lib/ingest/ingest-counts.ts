import type { IngestSource } from "./observation";

/**
 * Per-request accounting. Every point (an OTLP data point, a remote-write sample, a JSON item, an
 * alert) lands in exactly one bucket, so
 *   points = observations + merged + superseded + rejected + stale + nan + baseline
 * holds for every decoder (the property tests check it). Stale, NaN and baseline points are not
 * errors: they are normal in real telemetry and must not fail a sender's batch.
 */
export interface IngestCounts {
  source: IngestSource;
  /** Points in the request. */
  points: number;
  /** Observations produced. */
  observations: number;
  /** Points of other series folded into an observation at the same (unit, indicator, time). */
  merged: number;
  /** JSON items replaced by a later item with the same (unit, indicator, time): last wins. */
  superseded: number;
  /** Points that failed; one reject each. */
  rejected: number;
  /** "No value here any more": Prometheus staleness markers, OTLP points flagged NoRecordedValue. */
  stale: number;
  /** Other NaN values: a sender's "no number", not an observation. */
  nan: number;
  /** Cumulative points that only set or reset the baseline of a rate (first seen, reset, repeat, out of order). */
  baseline: number;
}

export function emptyCounts(source: IngestSource): IngestCounts {
  return { source, points: 0, observations: 0, merged: 0, superseded: 0, rejected: 0, stale: 0, nan: 0, baseline: 0 };
}

/** Whether the buckets add up to the points received. */
export function countsBalance(counts: IngestCounts): boolean {
  const { points, observations, merged, superseded, rejected, stale, nan, baseline } = counts;
  return points === observations + merged + superseded + rejected + stale + nan + baseline;
}
