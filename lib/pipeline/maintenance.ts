import "server-only";
import { drainJournal } from "@/lib/pipeline/materialize-rollups";
import {
  monthExpired,
  monthsAhead,
  monthStart,
  partitionName,
  rawRetention,
  rollupCutoffs,
  STREAM_EVENT_RETENTION,
  type RetentionSettings,
} from "@/lib/pipeline/retention";
import { appendAudit } from "@/lib/store/audit-events";
import type { Database } from "@/lib/store/database";
import { pruneIdempotentRequests } from "@/lib/store/idempotent-requests";
import { createPartition, deleteExpiredDefaultRows, dropPartition, listPartitions, monthsInDefault } from "@/lib/store/partitions";
import { pruneRollups } from "@/lib/store/rollups";
import { pruneStreamEvents } from "@/lib/store/stream-events";
import type { StoredResolution } from "@/lib/pipeline/roll-up-batch";

/** What one maintenance run did; all zero and empty when there was nothing to do. */
export interface MaintenanceReport {
  partitionsCreated: string[];
  /** Rows moved out of the default partition into a partition created for their month. */
  rowsMoved: number;
  partitionsDropped: string[];
  /** Rows of the default partition older than the raw retention, deleted. */
  defaultRowsExpired: number;
  /** Points of the roll-up journal folded in before pruning (an idle console's batches wait there for this). */
  pointsFolded: number;
  rollupsPruned: Record<StoredResolution, number>;
  idempotentRequestsPruned: number;
  /** Live-stream events past STREAM_EVENT_RETENTION, deleted. */
  streamEventsPruned: number;
}

export function didSomething(report: MaintenanceReport): boolean {
  return (
    report.partitionsCreated.length > 0 ||
    report.partitionsDropped.length > 0 ||
    report.defaultRowsExpired > 0 ||
    Object.values(report.rollupsPruned).some((n) => n > 0) ||
    report.idempotentRequestsPruned > 0 ||
    report.streamEventsPruned > 0
  );
}

/**
 * Retention and partition upkeep (docs/design.md §7): monthly partitions for the current month
 * and the ones ahead (so new points never land in the default partition), a partition for every
 * month still within retention that has rows in the default (moving them there), whole
 * partitions dropped once all their rows are older than the raw retention, and expired roll-up
 * buckets and idempotency answers deleted. Idempotent, and safe to run from several processes at
 * once: partition changes take one advisory lock and re-check under it; deletes delete nothing twice.
 */
export async function runMaintenance(db: Pick<Database, "sql">, retention: RetentionSettings, now: number): Promise<MaintenanceReport> {
  const cutoff = now - rawRetention(retention);
  const report: MaintenanceReport = {
    partitionsCreated: [],
    rowsMoved: 0,
    partitionsDropped: [],
    defaultRowsExpired: 0,
    pointsFolded: 0,
    rollupsPruned: { hour: 0, day: 0 },
    idempotentRequestsPruned: 0,
    streamEventsPruned: 0,
  };

  // Expired months in the default go first, so that no partition is created just to be dropped.
  // Whole months, like partitions: the rows of a month straddling the cutoff stay with it.
  report.defaultRowsExpired = await deleteExpiredDefaultRows(db.sql, monthStart(cutoff));
  const existing = new Set((await listPartitions(db.sql)).map((p) => p.month));
  const stranded = (await monthsInDefault(db.sql)).filter((m) => !monthExpired(m, cutoff));
  const wanted = [...new Set([...stranded, ...monthsAhead(now, retention.monthsAhead)])].sort((a, b) => a - b);
  for (const month of wanted) {
    if (existing.has(month)) continue;
    const { created, moved } = await createPartition(db.sql, month);
    if (created) report.partitionsCreated.push(partitionName(month));
    report.rowsMoved += moved;
  }

  for (const { name, month } of await listPartitions(db.sql)) {
    if (monthExpired(month, cutoff) && (await dropPartition(db.sql, month))) report.partitionsDropped.push(name);
  }

  report.pointsFolded = (await drainJournal(db.sql)).points;
  const cutoffs = rollupCutoffs(now, retention.rollups);
  report.rollupsPruned = await pruneRollups(db.sql, { hour: cutoffs.hour, day: cutoffs.day } satisfies Record<StoredResolution, number>);
  report.idempotentRequestsPruned = await pruneIdempotentRequests(db.sql, now - retention.idempotency);
  report.streamEventsPruned = await pruneStreamEvents(db.sql, {
    all: now - STREAM_EVENT_RETENTION.all,
    observations: now - STREAM_EVENT_RETENTION.observations,
  });
  // Dropping and deleting data is a write like any other: the trail says what retention removed.
  if (didSomething(report)) await appendAudit(db.sql, [{ actor: "system", action: "retention.run", detail: { ...report } }]);
  return report;
}
