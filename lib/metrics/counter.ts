import type { MetricFamily } from "@/lib/metrics/exposition";
import { checkLabelNames, labelsOf, SeriesMap, type LabelArgs } from "@/lib/metrics/labels";

/** A count that only goes up while the process lives (Prometheus' `rate()` handles the restart). */
export class Counter<L extends string = never> {
  private readonly series: SeriesMap<L, { total: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    labelNames: readonly L[] = [],
  ) {
    checkLabelNames(name, labelNames);
    this.series = new SeriesMap(labelNames, () => ({ total: 0 }));
    // A counter without labels exists from the start, at 0, so its first increase is seen by rate().
    if (labelNames.length === 0) this.series.get(undefined);
  }

  /** Adds `by` (0 makes the series exist); a negative or non-finite amount is a bug and throws. */
  add(by: number, ...labels: LabelArgs<L>): void {
    if (!Number.isFinite(by) || by < 0) throw new Error(`counter ${this.name} can only go up, not by ${by}`);
    this.series.get(labelsOf(labels)).total += by;
  }

  /** The current count of a series; 0 for one never added to (reading does not make it). */
  value(...labels: LabelArgs<L>): number {
    return this.series.find(labelsOf(labels))?.total ?? 0;
  }

  family(): MetricFamily {
    const samples = [...this.series.entries()].map(({ labels, value }) => ({ suffix: "" as const, labels, value: value.total }));
    return { name: this.name, help: this.help, type: "counter", samples };
  }
}
