import type { MetricFamily, Sample } from "@/lib/metrics/exposition";
import { checkLabelNames, labelsOf, SeriesMap, type LabelArgs } from "@/lib/metrics/labels";

/** Prometheus' default buckets, in seconds: from 5 ms to 10 s. */
export const DEFAULT_SECONDS_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Distribution {
  /** Observations per bucket, not cumulative: bucket i holds those in (bound i−1, bound i]. */
  counts: number[];
  sum: number;
  count: number;
}

/**
 * Observations counted into fixed buckets, written as Prometheus expects: cumulative
 * `_bucket{le="…"}` lines ending in `le="+Inf"`, then `_sum` and `_count`.
 */
export class Histogram<L extends string = never> {
  private readonly series: SeriesMap<L, Distribution>;
  readonly buckets: readonly number[];

  constructor(
    readonly name: string,
    readonly help: string,
    buckets: readonly number[],
    labelNames: readonly L[] = [],
  ) {
    checkLabelNames(name, [...labelNames, "le"]);
    if (buckets.length === 0 || buckets.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= buckets[i - 1]!))) {
      throw new Error(`histogram ${name} needs finite buckets in increasing order`);
    }
    this.buckets = [...buckets];
    this.series = new SeriesMap(labelNames, () => ({ counts: buckets.map(() => 0), sum: 0, count: 0 }));
    if (labelNames.length === 0) this.series.get(undefined);
  }

  /** Makes the series exist, all zero, before its first observation: rate() then sees the first one. */
  ensure(...labels: LabelArgs<L>): void {
    this.series.get(labelsOf(labels));
  }

  observe(value: number, ...labels: LabelArgs<L>): void {
    if (Number.isNaN(value)) throw new Error(`histogram ${this.name} cannot observe NaN`);
    const distribution = this.series.get(labelsOf(labels));
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) distribution.counts[index]! += 1;
    distribution.sum += value;
    distribution.count += 1;
  }

  family(): MetricFamily {
    const samples: Sample[] = [];
    for (const { labels, value } of this.series.entries()) {
      let cumulative = 0;
      this.buckets.forEach((bound, i) => {
        cumulative += value.counts[i]!;
        samples.push({ suffix: "_bucket", labels: [...labels, ["le", String(bound)]], value: cumulative });
      });
      samples.push({ suffix: "_bucket", labels: [...labels, ["le", "+Inf"]], value: value.count });
      samples.push({ suffix: "_sum", labels, value: value.sum });
      samples.push({ suffix: "_count", labels, value: value.count });
    }
    return { name: this.name, help: this.help, type: "histogram", samples };
  }
}
