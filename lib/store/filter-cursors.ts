import "server-only";
import { write, type SqlRunner } from "@/lib/store/sql-runner";
import { toCount, toMillis, toTimestamp } from "@/lib/store/sql-time";

/** Where an indicator's filter stands (docs/design.md §5). */
export interface FilterCursor {
  indicatorId: number;
  /** Points stepped so far. */
  steps: number;
  /** Time of the last stepped point, epoch ms; null before the first. */
  steppedThrough: number | null;
  /** Time of the latest stored point of the indicator, stepped or not, epoch ms; null when none is stored. */
  storedThrough: number | null;
  /** Width of the roll-ups' value bins, fixed by the first batch; null before it. */
  binWidth: number | null;
}

/**
 * Locks the cursors of `indicatorIds` for the rest of the transaction, creating the missing ones.
 * Rows are locked in id order, so two batches that share indicators queue behind each other per
 * indicator and can never deadlock, on one app instance or many. When `exists` says every cursor
 * is already there (the caller has committed a batch for each), the creating insert is skipped —
 * a statement less for nearly every batch; should one have gone after all (its indicator was
 * deleted), the insert runs and reports it. Every batch locks the cursor of each indicator it
 * stores points for, so no point is stored for an indicator that is gone (observations have no
 * foreign key: docs/design.md §5).
 */
export async function lockCursors(
  tx: SqlRunner,
  indicatorIds: readonly number[],
  exists: (indicatorId: number) => boolean = () => false,
): Promise<Map<number, FilterCursor>> {
  const ids = [...new Set(indicatorIds)].sort((a, b) => a - b);
  if (ids.length === 0) return new Map();
  if (ids.every(exists)) {
    const cursors = await selectForUpdate(tx, ids);
    if (cursors.size === ids.length) return cursors;
  }
  // A new cursor starts from whatever is stored already (points stored before the pipeline had a cursor for them).
  await tx.query(
    `INSERT INTO "filter_cursor" (indicator_id, stored_through)
     SELECT id, (SELECT max(o.observed_at) FROM "observation" o WHERE o.indicator_id = id) FROM unnest($1::int[]) AS u(id)
      ORDER BY 1 ON CONFLICT (indicator_id) DO NOTHING`,
    [ids],
  );
  const cursors = await selectForUpdate(tx, ids);
  // Observations have no foreign key of their own: a locked cursor is what says the indicator is there.
  const gone = ids.filter((id) => !cursors.has(id));
  if (gone.length > 0) throw new Error(`indicators ${gone.join(", ")} were deleted while a batch for them was being written`);
  return cursors;
}

async function selectForUpdate(tx: SqlRunner, ids: readonly number[]): Promise<Map<number, FilterCursor>> {
  const cursors = new Map<number, FilterCursor>();
  const rows = await tx.query<{ id: number; steps: string; through: number | null; stored: number | null; bin_width: number | null }>(
    `SELECT indicator_id AS id, steps, ${toMillis("stepped_through")} AS through, ${toMillis("stored_through")} AS stored, bin_width
       FROM "filter_cursor" WHERE indicator_id = ANY($1::int[]) ORDER BY indicator_id FOR UPDATE`,
    [ids],
  );
  for (const row of rows) {
    cursors.set(row.id, {
      indicatorId: row.id,
      steps: toCount(row.steps),
      steppedThrough: row.through,
      storedThrough: row.stored,
      binWidth: row.bin_width,
    });
  }
  return cursors;
}

/** Writes the cursors a batch moved, in one statement. */
export async function saveCursors(tx: SqlRunner, cursors: readonly FilterCursor[]): Promise<void> {
  if (cursors.length === 0) return;
  await write(
    tx,
    `UPDATE "filter_cursor" c SET steps = u.steps, stepped_through = ${toTimestamp("u.through")},
            stored_through = ${toTimestamp("u.stored")}, bin_width = u.bin_width, updated_at = now()
       FROM unnest($1::int[], $2::int8[], $3::float8[], $4::float8[], $5::float8[]) AS u(id, steps, through, stored, bin_width)
      WHERE c.indicator_id = u.id`,
    [
      cursors.map((c) => c.indicatorId),
      cursors.map((c) => c.steps),
      cursors.map((c) => c.steppedThrough),
      cursors.map((c) => c.storedThrough),
      cursors.map((c) => c.binWidth),
    ],
  );
}
