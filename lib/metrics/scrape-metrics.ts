import "server-only";
import type { Logger } from "pino";
import { databaseFamilies } from "@/lib/metrics/database-gauges";
import { renderExposition, type MetricFamily } from "@/lib/metrics/exposition";
import type { MetricRegistry } from "@/lib/metrics/registry";
import { readSignalGauges } from "@/lib/store/signal-gauges";
import type { SqlRunner } from "@/lib/store/sql-runner";

export interface ScrapeSources {
  registry: MetricRegistry;
  database: () => Promise<Pick<SqlRunner, "query">>;
  now: number;
}

/**
 * One scrape's text: the process's metrics, the database's gauges, and whether each collector
 * answered. A collector that fails (the database away, a registered gauge that throws) is left out
 * and logged, and the rest is still served: a scrape that failed whole would hide the counters
 * that say what went wrong.
 */
export async function scrapeMetrics({ registry, database, now }: ScrapeSources, log: Logger): Promise<string> {
  const [collected, fromDatabase] = await Promise.all([registry.collect(), readDatabase(database, now)]);
  const collectors = [{ name: "database", error: fromDatabase.error }, ...collected.gauges];
  for (const { name, error } of collectors) {
    if (error !== undefined)
      log.error({ err: error, collector: name }, "a metrics collector failed; its metrics are left out of this scrape");
  }
  const success: MetricFamily = {
    name: "vsm_scrape_collector_success",
    help: "Whether a collector of this scrape answered (1) or failed and was left out (0): the database's gauges, and each registered gauge.",
    type: "gauge",
    samples: collectors.map(({ name, error }) => ({ suffix: "", labels: [["collector", name]], value: error === undefined ? 1 : 0 })),
  };
  return renderExposition([...collected.families, ...fromDatabase.families, success]);
}

async function readDatabase(database: ScrapeSources["database"], now: number): Promise<{ families: MetricFamily[]; error?: unknown }> {
  try {
    return { families: databaseFamilies(await readSignalGauges(await database(), now), now) };
  } catch (error) {
    return { families: [], error };
  }
}
