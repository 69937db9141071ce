import "server-only";
import type { Logger } from "pino";
import { didSomething, runMaintenance, type MaintenanceReport } from "@/lib/pipeline/maintenance";
import type { RetentionSettings } from "@/lib/pipeline/retention";
import type { Database } from "@/lib/store/database";

export interface MaintenanceSchedule {
  /** The run in progress or the last one: what tests and shutdown wait for. */
  readonly last: Promise<MaintenanceReport | null>;
  stop(): void;
}

/**
 * Runs maintenance now and then every `interval` ms. The timer is unref'd so it never keeps a
 * process alive; a run that is still going when the next is due is not doubled (another
 * instance doing the same is fine: runMaintenance is safe under concurrency). A failed run is
 * logged and tried again at the next tick: retention can wait an hour, ingestion must not stop.
 */
export function scheduleMaintenance(
  db: Pick<Database, "sql">,
  retention: RetentionSettings,
  log: Logger,
  options: { interval: number; now?: () => number },
): MaintenanceSchedule {
  const now = options.now ?? Date.now;
  let running = false;
  let last: Promise<MaintenanceReport | null> = Promise.resolve(null);

  const tick = () => {
    if (running) return;
    running = true;
    const started = now();
    last = runMaintenance(db, retention, started).then(
      (report) => {
        const fields = { ...report, ms: now() - started };
        if (didSomething(report)) log.info(fields, "maintenance: partitions and retention applied");
        else log.debug(fields, "maintenance: nothing to do");
        return report;
      },
      (error: unknown) => {
        log.error({ err: error }, "maintenance failed; it runs again at the next interval");
        return null;
      },
    );
    void last.finally(() => {
      running = false;
    });
  };

  tick();
  const timer = setInterval(tick, options.interval);
  timer.unref();
  return {
    get last() {
      return last;
    },
    stop: () => clearInterval(timer),
  };
}
