import { Counter } from "@/lib/metrics/counter";
import { isLabelName, isMetricName, type MetricFamily, type Sample } from "@/lib/metrics/exposition";
import { Histogram } from "@/lib/metrics/histogram";

/** One value of a registered gauge; its labels are written sorted by name. */
export interface GaugeSample {
  labels?: Readonly<Record<string, string>>;
  value: number;
}

/** What a gauge's collect function reads at scrape time: one value, or one per label set. */
export type GaugeReading = number | readonly GaugeSample[];
export type GaugeCollect = () => GaugeReading | Promise<GaugeReading>;

export interface Collected {
  families: MetricFamily[];
  /** Every registered gauge; with `error` when its collect function threw or read something unwritable, and then left out. */
  gauges: { name: string; error?: unknown }[];
}

interface Fixed {
  family(): MetricFamily;
}

interface RegisteredGauge {
  help: string;
  collect: GaugeCollect;
}

/**
 * The metrics of one process: counters and histograms its code updates as things happen, and
 * gauges read when Prometheus scrapes. Names are unique across all of them.
 */
export class MetricRegistry {
  private readonly fixed = new Map<string, Fixed>();
  private readonly gauges = new Map<string, RegisteredGauge>();

  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.add(name, new Counter(name, help, labelNames));
  }

  histogram<L extends string = never>(name: string, help: string, buckets: readonly number[], labelNames: readonly L[] = []): Histogram<L> {
    return this.add(name, new Histogram(name, help, buckets, labelNames));
  }

  /**
   * A gauge read at every scrape. `collect` may be async and may return labelled values. A second
   * registration under the same name replaces the first: in development Next reloads the module
   * that registers it, and the registry (kept on globalThis) outlives that module. Returns a
   * function that removes this registration.
   */
  registerGauge(name: string, help: string, collect: GaugeCollect): () => void {
    if (!isMetricName(name)) throw new Error(`"${name}" is not a valid metric name`);
    if (this.fixed.has(name)) throw new Error(`metric ${name} is already registered as a ${this.fixed.get(name)!.family().type}`);
    const registration: RegisteredGauge = { help, collect };
    this.gauges.set(name, registration);
    return () => {
      if (this.gauges.get(name) === registration) this.gauges.delete(name);
    };
  }

  /** Every metric's current values: counters and histograms first, then the gauges, each in registration order. */
  async collect(): Promise<Collected> {
    const families = [...this.fixed.values()].map((metric) => metric.family());
    const registered = [...this.gauges.entries()];
    const readings = await Promise.allSettled(registered.map(async ([, gauge]) => gauge.collect()));
    const gauges = readings.map((reading, i) => {
      const [name, { help }] = registered[i]!;
      try {
        if (reading.status === "rejected") throw reading.reason;
        families.push({ name, help, type: "gauge", samples: gaugeSamples(name, reading.value) });
        return { name };
      } catch (error) {
        return { name, error };
      }
    });
    return { families, gauges };
  }

  private add<M extends Fixed>(name: string, metric: M): M {
    if (this.fixed.has(name) || this.gauges.has(name)) throw new Error(`metric ${name} is already registered`);
    if (!isMetricName(name)) throw new Error(`"${name}" is not a valid metric name`);
    this.fixed.set(name, metric);
    return metric;
  }
}

/** A gauge's reading as samples, refusing what would make the whole scrape unreadable. */
function gaugeSamples(name: string, reading: GaugeReading): Sample[] {
  const list = typeof reading === "number" ? [{ value: reading }] : reading;
  const seen = new Set<string>();
  return list.map(({ labels = {}, value }) => {
    if (typeof value !== "number") throw new Error(`gauge ${name} read a value that is not a number`);
    const pairs = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const bad = pairs.find(([label, text]) => !isLabelName(label) || typeof text !== "string");
    if (bad) throw new Error(`gauge ${name} read an invalid label "${bad[0]}"`);
    const key = JSON.stringify(pairs);
    if (seen.has(key)) throw new Error(`gauge ${name} read the same labels twice: ${key}`);
    seen.add(key);
    return { suffix: "", labels: pairs, value };
  });
}
