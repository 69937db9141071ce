import { TEMPORALITY, type OtlpMetric } from "./otlp-request-schema";

/**
 * How a metric's points become observations (docs/design.md §4: gauges are values, sums become rates):
 * - gauge: the value;
 * - monotonic sum, cumulative: the rate against the series' previous point (cumulative-rate.ts);
 * - monotonic sum, delta: value ÷ (time − start) in seconds;
 * - non-monotonic sum, cumulative (an UpDownCounter): its current level, like a gauge;
 * - everything else is rejected with its reason: histograms, exponential histograms and
 *   summaries (a distribution is not one number; a sender that wants a percentile or a mean
 *   should send it as a gauge), non-monotonic delta sums (a level needs the whole history), and
 *   sums without a temporality.
 */
export type MetricKind =
  { kind: "gauge" | "cumulative" | "delta" | "level"; points: unknown[] } | { kind: "unsupported"; points: unknown[]; reason: string };

export function metricKind(metric: OtlpMetric): MetricKind {
  if (metric.gauge !== undefined) return { kind: "gauge", points: metric.gauge.dataPoints };
  if (metric.sum !== undefined) {
    const { dataPoints: points, aggregationTemporality, isMonotonic } = metric.sum;
    if (aggregationTemporality === TEMPORALITY.cumulative) return { kind: isMonotonic ? "cumulative" : "level", points };
    if (aggregationTemporality === TEMPORALITY.delta && isMonotonic) return { kind: "delta", points };
    if (aggregationTemporality === TEMPORALITY.delta) {
      return {
        kind: "unsupported",
        points,
        reason: "a non-monotonic sum with delta temporality has no level without its whole history; send it cumulative",
      };
    }
    return { kind: "unsupported", points, reason: "a sum needs aggregationTemporality DELTA (1) or CUMULATIVE (2)" };
  }
  const distributions = [
    ["histogram", metric.histogram],
    ["exponential histogram", metric.exponentialHistogram],
    ["summary", metric.summary],
  ] as const;
  for (const [name, distribution] of distributions) {
    if (distribution === undefined) continue;
    const reason = `${name} points are not mapped to an indicator; send the number you watch (a rate, mean or percentile) as a gauge or sum`;
    return { kind: "unsupported", points: distribution.dataPoints, reason };
  }
  // A metric with no data at all has no points to account for.
  return { kind: "gauge", points: [] };
}
