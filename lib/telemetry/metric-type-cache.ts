import "server-only";
import type { MetricType } from "@/lib/ingest/prometheus/remote-write-descriptor";
import { readMetricTypes, writeMetricTypes } from "@/lib/store/metric-types";
import type { SqlRunner } from "@/lib/store/sql-runner";

/** How long a process trusts its copy before reading the table again (Prometheus resends metadata every minute). */
const REFRESH_MS = 60_000;

/**
 * The metric types Prometheus has declared, shared by every app instance through the
 * `metric_type` table and read at most once a minute per instance. A request that declares a
 * type writes only what changed.
 */
export class MetricTypeCache {
  private types = new Map<string, MetricType>();
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly sql: SqlRunner,
    private readonly now: () => number = Date.now,
  ) {}

  async current(): Promise<ReadonlyMap<string, MetricType>> {
    if (this.now() - this.readAt >= REFRESH_MS) {
      this.types = await readMetricTypes(this.sql);
      this.readAt = this.now();
    }
    return this.types;
  }

  async learn(declared: ReadonlyMap<string, MetricType>): Promise<void> {
    const changed = new Map([...declared].filter(([family, type]) => this.types.get(family) !== type));
    if (changed.size === 0) return;
    await writeMetricTypes(this.sql, changed);
    for (const [family, type] of changed) this.types.set(family, type);
  }
}
