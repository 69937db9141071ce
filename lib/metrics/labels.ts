import { isLabelName, type LabelPairs } from "@/lib/metrics/exposition";

/** The values of a metric's declared labels, one per name. */
export type LabelValues<L extends string> = Readonly<Record<L, string>>;

/** `add(3)` for a metric without labels, `add(3, { source: "json" })` for one with. */
export type LabelArgs<L extends string> = [L] extends [never] ? [] : [labels: LabelValues<L>];

/** The labels argument of a `LabelArgs` rest parameter: absent for a metric without labels. */
export function labelsOf<L extends string>(args: LabelArgs<L>): LabelValues<L> | undefined {
  // A conditional type over a type parameter stays unresolved here, so read it as the tuple it is.
  const [labels] = args as readonly (LabelValues<L> | undefined)[];
  return labels;
}

export function checkLabelNames(metric: string, names: readonly string[]): void {
  for (const name of names) {
    if (!isLabelName(name)) throw new Error(`"${name}" is not a valid label name (metric ${metric})`);
  }
  if (new Set(names).size !== names.length) throw new Error(`metric ${metric} declares a label twice`);
}

/**
 * A series of labelled metric values, keyed by its label values in declared order, so a series
 * is written with its labels in the order the metric declared them.
 */
export class SeriesMap<L extends string, V> {
  private readonly series = new Map<string, { labels: LabelPairs; value: V }>();

  constructor(
    private readonly names: readonly L[],
    private readonly initial: () => V,
  ) {}

  /** The series of these labels, made on first use. */
  get(labels: LabelValues<L> | undefined): V {
    const values = this.valuesOf(labels);
    const key = JSON.stringify(values);
    let entry = this.series.get(key);
    if (entry === undefined) {
      entry = { labels: this.names.map((name, i) => [name, values[i]!] as const), value: this.initial() };
      this.series.set(key, entry);
    }
    return entry.value;
  }

  /** The series of these labels if it exists, without making it. */
  find(labels: LabelValues<L> | undefined): V | undefined {
    return this.series.get(JSON.stringify(this.valuesOf(labels)))?.value;
  }

  entries(): IterableIterator<{ labels: LabelPairs; value: V }> {
    return this.series.values();
  }

  private valuesOf(labels: LabelValues<L> | undefined): string[] {
    return this.names.map((name) => {
      const value = labels?.[name];
      if (typeof value !== "string") throw new Error(`label "${name}" is missing`);
      return value;
    });
  }
}
