import "server-only";
import { write, type SqlRunner } from "@/lib/store/sql-runner";
import { toCount, toMillis, toTimestamp } from "@/lib/store/sql-time";

/**
 * A saved filter state (docs/design.md §5). The state is stored as JSON text and handed back
 * unparsed: the pipeline checks its version and shape before the filter may resume from it.
 */
export interface FilterCheckpoint {
  indicatorId: number;
  version: number;
  steps: number;
  steppedThrough: number | null;
  state: unknown;
  /** When it was written, epoch ms. */
  writtenAt: number;
}

export async function readCheckpoints(tx: SqlRunner, indicatorIds: readonly number[]): Promise<Map<number, FilterCheckpoint>> {
  const checkpoints = new Map<number, FilterCheckpoint>();
  if (indicatorIds.length === 0) return checkpoints;
  const rows = await tx.query<{ id: number; version: number; steps: string; through: number | null; state: unknown; written: number }>(
    `SELECT indicator_id AS id, version, steps, ${toMillis("stepped_through")} AS through, state, ${toMillis("written_at")} AS written
       FROM "filter_checkpoint" WHERE indicator_id = ANY($1::int[])`,
    [indicatorIds],
  );
  for (const row of rows) {
    checkpoints.set(row.id, {
      indicatorId: row.id,
      version: row.version,
      steps: toCount(row.steps),
      steppedThrough: row.through,
      state: row.state,
      writtenAt: row.written,
    });
  }
  return checkpoints;
}

/** Replaces the checkpoints of the given indicators, in one statement. */
export async function writeCheckpoints(tx: SqlRunner, checkpoints: readonly Omit<FilterCheckpoint, "writtenAt">[]): Promise<void> {
  if (checkpoints.length === 0) return;
  await write(
    tx,
    `INSERT INTO "filter_checkpoint" (indicator_id, version, steps, stepped_through, state, written_at)
     SELECT id, version, steps, ${toTimestamp("through")}, state::jsonb, now()
       FROM unnest($1::int[], $2::int[], $3::int8[], $4::float8[], $5::text[]) AS c(id, version, steps, through, state)
     ON CONFLICT (indicator_id) DO UPDATE SET version = excluded.version, steps = excluded.steps,
       stepped_through = excluded.stepped_through, state = excluded.state, written_at = excluded.written_at`,
    [
      checkpoints.map((c) => c.indicatorId),
      checkpoints.map((c) => c.version),
      checkpoints.map((c) => c.steps),
      checkpoints.map((c) => c.steppedThrough),
      checkpoints.map((c) => JSON.stringify(c.state)),
    ],
  );
}
