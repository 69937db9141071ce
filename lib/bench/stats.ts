/** Nearest-rank percentile of a sorted list (p in 0–100); undefined for an empty list. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

export interface DelaySummary {
  rate: number;
  median: number | undefined;
  p95: number | undefined;
}

/** Detection rate and delay percentiles; a miss (undefined) counts against the rate, and p95 is over detections. */
export function summariseDelays(delays: readonly (number | undefined)[]): DelaySummary {
  const found = delays.filter((d): d is number => d !== undefined).sort((a, b) => a - b);
  return { rate: found.length / delays.length, median: percentile(found, 50), p95: percentile(found, 95) };
}
