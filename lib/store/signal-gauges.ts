import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toCount, toMillis, toTimestamp } from "@/lib/store/sql-time";
import { SIGNAL_STATES } from "@/lib/vsm/algedonic/schemas";
import { isRunning } from "@/lib/vsm/algedonic/signal-states";

export interface SignalGauges {
  /** Running signals (open, acknowledged, escalated) per valence and the level that holds them. */
  open: { valence: string; holderLevel: number; count: number }[];
  /** The time of the oldest deadline due at `now` that is still waiting to fire, or null. */
  oldestDueAt: number | null;
}

const RUNNING = SIGNAL_STATES.filter(isRunning);

interface Row extends Record<string, unknown> {
  valence: string | null;
  holderLevel: number | null;
  count: string | number | null;
  oldestDue: number | null;
}

/**
 * What `/api/metrics` reads from the database at each scrape (docs/metrics.md), in one round trip:
 * the running signals grouped, found through `signal_system_id_closed_at_idx` (`closed_at IS NULL`
 * as an index condition: PostgreSQL reads the index, not the closed history's rows — 0.4 ms beside
 * 200,000 closed signals), and the oldest due deadline from `signal_deadline_at_idx`. A fired
 * deadline is replaced by the transition that fired it, so any row due by now is still waiting.
 */
export async function readSignalGauges(sql: Pick<SqlRunner, "query">, now: number): Promise<SignalGauges> {
  const rows = await sql.query<Row>(
    `SELECT valence, holder_level AS "holderLevel", count(*) AS count, NULL::float8 AS "oldestDue"
       FROM "signal" WHERE closed_at IS NULL AND state = ANY($1::text[]) GROUP BY valence, holder_level
     UNION ALL
     SELECT NULL, NULL, NULL, ${toMillis("min(at)")} FROM "signal_deadline" WHERE at <= ${toTimestamp("$2::float8")}`,
    [RUNNING, now],
  );
  const open: SignalGauges["open"] = [];
  let oldestDueAt: number | null = null;
  for (const row of rows) {
    if (row.valence === null) oldestDueAt = row.oldestDue;
    else open.push({ valence: row.valence, holderLevel: Number(row.holderLevel), count: toCount(row.count) });
  }
  open.sort((a, b) => a.valence.localeCompare(b.valence) || a.holderLevel - b.holderLevel);
  return { open, oldestDueAt };
}
