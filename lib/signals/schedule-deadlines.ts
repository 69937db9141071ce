import "server-only";
import type { Logger } from "pino";
import { countDeadlineRun } from "@/lib/metrics/console-metrics";
import { fireAllDue, type Firing } from "@/lib/signals/fire-deadlines";
import type { Database } from "@/lib/store/database";
import { runPeriodically, type Periodic } from "@/lib/telemetry/run-periodically";

/** How often each instance looks for due deadlines: the worst lateness of an escalation. */
export const DEADLINE_INTERVAL = 5_000;

/**
 * The in-process deadline worker (docs/design.md §5, "Signals"): fires due deadlines at start —
 * so what fell due while every instance was down fires once, at once — and then every interval.
 * Any number of instances may run one; claiming with SKIP LOCKED keeps each firing single.
 */
export function scheduleDeadlines(
  db: Pick<Database, "sql">,
  log: Logger,
  options: { interval?: number; now?: () => number } = {},
): Periodic<Firing> {
  const now = options.now ?? Date.now;
  const run = async () => {
    const firing = await fireAllDue(db.sql, now());
    if (firing.fired > 0) log.info({ ...firing }, "deadlines fired");
    countDeadlineRun("ok");
    return firing;
  };
  return runPeriodically(
    run,
    (error) => {
      countDeadlineRun("failed");
      log.error({ err: error }, "firing deadlines failed; they are tried again at the next interval");
    },
    options.interval ?? DEADLINE_INTERVAL,
  );
}
