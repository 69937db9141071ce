import "server-only";
import { countEscalations } from "@/lib/metrics/console-metrics";
import { applyToSignal } from "@/lib/signals/apply-to-signal";
import { appendAudit } from "@/lib/store/audit-events";
import { claimDueDeadlines, dropDeadline } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { dueDeadlines } from "@/lib/vsm/algedonic/deadlines";

export interface Firing {
  /** Deadlines that changed their signal: an escalation, a reminder, an expiry, an adaptation. */
  fired: number;
  /** Deadlines the signal had moved past (dropped), or could not take yet (left for the next run). */
  obsolete: number;
  waiting: number;
}

/** Deadlines taken per transaction: a burst after downtime is worked through in several. */
export const FIRE_LIMIT = 200;

/**
 * Fires the due deadlines once, across any number of workers (docs/design.md §5, "Signals"): the
 * rows are claimed with FOR UPDATE SKIP LOCKED and replaced by the transition in the same
 * transaction, so a second worker never sees a deadline the first is firing, and a worker killed
 * mid-firing rolls back and leaves the row for the next. `now` is the worker's clock.
 */
export async function fireDueDeadlines(sql: SqlRunner, now: number, limit = FIRE_LIMIT): Promise<Firing> {
  let escalated = 0;
  const result = await sql.transaction(async (tx) => {
    escalated = 0;
    const firing: Firing = { fired: 0, obsolete: 0, waiting: 0 };
    const fired: string[] = [];
    for (const deadline of dueDeadlines(await claimDueDeadlines(tx, now, limit), now)) {
      const applied = await applyToSignal(tx, deadline.signalId, { type: "deadline", deadline }, now);
      if (applied.outcome === "applied") {
        firing.fired += 1;
        if (applied.signal.holderLevel < applied.before.holderLevel) escalated += 1;
        fired.push(`${deadline.kind}:${deadline.signalId}`);
      } else if (applied.outcome === "refused") {
        // Only an event dated before the signal's last entry is refused here (data time ahead of this clock): try again later.
        firing.waiting += 1;
      } else {
        firing.obsolete += 1;
        await dropDeadline(tx, deadline);
      }
    }
    if (fired.length > 0) await appendAudit(tx, [{ actor: "system", action: "signal.deadlines", detail: { fired } }]);
    return firing;
  });
  // Counted once committed: a firing rolled back passed nothing up.
  countEscalations(escalated);
  return result;
}

/**
 * Fires until a run changes nothing: a fired escalation schedules the next rung, which after a
 * long downtime may be due already, so the ladder catches up rung by rung.
 */
export async function fireAllDue(sql: SqlRunner, now: number, limit = FIRE_LIMIT): Promise<Firing> {
  const total: Firing = { fired: 0, obsolete: 0, waiting: 0 };
  for (;;) {
    const run = await fireDueDeadlines(sql, now, limit);
    total.fired += run.fired;
    total.obsolete += run.obsolete;
    total.waiting = run.waiting;
    if (run.fired === 0) return total;
  }
}
