import { DEFAULT_SECONDS_BUCKETS } from "@/lib/metrics/histogram";
import { MetricRegistry, type GaugeCollect } from "@/lib/metrics/registry";

/** The ingestion endpoints whose batches are counted (docs/telemetry-in.md). */
export const INGEST_SOURCES = ["json", "otlp", "remote_write"] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];

function createConsoleMetrics() {
  const registry = new MetricRegistry();
  const metrics = {
    registry,
    received: registry.counter(
      "vsm_ingest_observations_received_total",
      "Data points in ingestion requests that could be decoded (JSON items, OTLP data points, remote-write samples), stored or not.",
      ["source"],
    ),
    stored: registry.counter(
      "vsm_ingest_observations_stored_total",
      "Observations newly stored by ingestion batches (resends of stored points are not counted).",
      ["source"],
    ),
    batchSeconds: registry.histogram(
      "vsm_ingest_batch_duration_seconds",
      "Time to decode, store and filter one ingestion batch that was written, from its read body to its answer.",
      DEFAULT_SECONDS_BUCKETS,
      ["source"],
    ),
    filterUpdates: registry.counter("vsm_filter_updates_total", "Points stepped through an indicator's filter by this process."),
    signalsRaised: registry.counter(
      "vsm_signals_raised_total",
      "Algedonic signals raised by batches this process wrote (from filter changes and external alerts).",
    ),
    escalations: registry.counter(
      "vsm_signal_escalations_total",
      "Signals this process passed up one level of the recursion when a level's allowance ran out.",
    ),
    deadlineRuns: registry.counter(
      "vsm_deadline_worker_runs_total",
      "Runs of this process's deadline worker that finished, failed ones included.",
    ),
    deadlineFailures: registry.counter("vsm_deadline_worker_failures_total", "Runs of this process's deadline worker that failed."),
  };
  // Every source's series exist from the start, so rate() sees the first batch of each.
  for (const source of INGEST_SOURCES) {
    metrics.received.add(0, { source });
    metrics.stored.add(0, { source });
    metrics.batchSeconds.ensure({ source });
  }
  return metrics;
}

export type ConsoleMetrics = ReturnType<typeof createConsoleMetrics>;

/**
 * The process's metrics, kept on globalThis like the database handle: Next reloads modules in
 * development, and a reloaded module must count on into the same counters the scrape reads.
 */
const holder = globalThis as typeof globalThis & { vsmMetrics?: ConsoleMetrics };

export function consoleMetrics(): ConsoleMetrics {
  holder.vsmMetrics ??= createConsoleMetrics();
  return holder.vsmMetrics;
}

/** A gauge of this process read at every scrape (e.g. `vsm_sse_clients`); see MetricRegistry.registerGauge. */
export function registerGauge(name: string, help: string, collect: GaugeCollect): () => void {
  return consoleMetrics().registry.registerGauge(name, help, collect);
}

/** An ingestion request was decoded: `points` is every point it carried. */
export function countReceived(source: IngestSource, points: number): void {
  consoleMetrics().received.add(points, { source });
}

/** An ingestion batch was written: its new observations and its time since `startedAt` (performance.now()). */
export function countIngestBatch(source: IngestSource, stored: number, startedAt: number): void {
  const metrics = consoleMetrics();
  metrics.stored.add(stored, { source });
  metrics.batchSeconds.observe((performance.now() - startedAt) / 1000, { source });
}

/** A pipeline batch committed: the points it stepped and the signals it raised. */
export function countPipelineBatch(outcome: { stepped: number; signals: { raised: number } }): void {
  const metrics = consoleMetrics();
  metrics.filterUpdates.add(outcome.stepped);
  metrics.signalsRaised.add(outcome.signals.raised);
}

/** A deadline firing committed, passing `count` signals up a level. */
export function countEscalations(count: number): void {
  consoleMetrics().escalations.add(count);
}

/** The deadline worker finished a run, well or not. */
export function countDeadlineRun(outcome: "ok" | "failed"): void {
  const metrics = consoleMetrics();
  metrics.deadlineRuns.add(1);
  if (outcome === "failed") metrics.deadlineFailures.add(1);
}
