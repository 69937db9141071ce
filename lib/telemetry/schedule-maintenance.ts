import "server-only";
import type { Logger } from "pino";
import { didSomething, runMaintenance, type MaintenanceReport } from "@/lib/pipeline/maintenance";
import type { RetentionSettings } from "@/lib/pipeline/retention";
import type { Database } from "@/lib/store/database";
import { runPeriodically, type Periodic } from "@/lib/telemetry/run-periodically";

export type MaintenanceSchedule = Periodic<MaintenanceReport>;

/**
 * Runs maintenance now and then every `interval` ms (lib/telemetry/run-periodically.ts). Another
 * instance doing the same is fine: runMaintenance is safe under concurrency. A failed run is
 * logged and tried again at the next tick: retention can wait an hour, ingestion must not stop.
 */
export function scheduleMaintenance(
  db: Pick<Database, "sql">,
  retention: RetentionSettings,
  log: Logger,
  options: { interval: number; now?: () => number },
): MaintenanceSchedule {
  const now = options.now ?? Date.now;
  const run = async () => {
    const started = now();
    const report = await runMaintenance(db, retention, started);
    const fields = { ...report, ms: now() - started };
    if (didSomething(report)) log.info(fields, "maintenance: partitions and retention applied");
    else log.debug(fields, "maintenance: nothing to do");
    return report;
  };
  return runPeriodically(
    run,
    (error) => log.error({ err: error }, "maintenance failed; it runs again at the next interval"),
    options.interval,
  );
}
