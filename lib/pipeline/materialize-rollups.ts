import "server-only";
import { decodeJournal, type JournalPoint } from "@/lib/pipeline/journal-codec";
import { rollUpBatch, STORED_RESOLUTIONS } from "@/lib/pipeline/roll-up-batch";
import { takeJournal } from "@/lib/store/rollup-journal";
import { mergeRollups, readRollups, replaceRollups, type RollupRow } from "@/lib/store/rollups";
import { mergeBuckets } from "@/lib/vsm/temporal/bucket";
import type { SqlRunner } from "@/lib/store/sql-runner";

/** One key for the fold, in any process: a second materializer finds it taken and leaves the work to the first. */
const MATERIALIZE_LOCK = 0x76736d72; // "vsmr"

/** Journal entries folded per transaction: about 500,000 points at the usual batch size, a few seconds of work at most. */
export const FOLD_LIMIT = 500;

export interface Fold {
  entries: number;
  points: number;
  buckets: number;
}

/**
 * Folds the oldest journal entries into the roll-ups in one transaction (docs/design.md §5,
 * "Roll-ups"): their points rolled up together, so a bucket many batches touched is written once,
 * and the entries deleted in the same transaction. Null when another process is folding.
 */
export async function materializeRollups(sql: SqlRunner, limit = FOLD_LIMIT): Promise<Fold | null> {
  return sql.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock($1) AS ok`, [MATERIALIZE_LOCK]);
    if (!lock?.ok) return null;
    const entries = (await takeJournal(tx, limit)).map(decodeJournal);
    const points: JournalPoint[] = [];
    const binWidths = new Map<number, number>();
    for (const entry of entries) {
      for (const p of entry.points) points.push(p);
      for (const [id, width] of entry.binWidths) binWidths.set(id, width);
    }
    const buckets = rollUpBatch(points, binWidths, STORED_RESOLUTIONS);
    await mergeWithoutOverflow(tx, buckets);
    return { entries: entries.length, points: points.length, buckets: buckets.length };
  });
}

/**
 * The database's merge, and where it would overflow a double (values near ±1.8e308, whose sums or
 * squared deviations do not fit) lib/vsm's merge instead, which gives ±Infinity as JavaScript
 * arithmetic does: the stored buckets are read, merged here and written back whole. Without this a
 * single extreme value would fail every fold that holds it, and roll-ups would stop for everyone.
 */
async function mergeWithoutOverflow(tx: SqlRunner, buckets: RollupRow[]): Promise<void> {
  await tx.query("SAVEPOINT fold_merge");
  try {
    await mergeRollups(tx, buckets);
    await tx.query("RELEASE SAVEPOINT fold_merge");
    return;
  } catch (error) {
    if ((error as { code?: unknown }).code !== NUMERIC_OUT_OF_RANGE) throw error;
    await tx.query("ROLLBACK TO SAVEPOINT fold_merge");
  }
  const stored = new Map((await readRollups(tx, buckets)).map((r) => [key(r), r.bucket]));
  await replaceRollups(
    tx,
    buckets.map((row) => {
      const before = stored.get(key(row));
      return before === undefined ? row : { indicatorId: row.indicatorId, bucket: mergeBuckets(before, row.bucket) };
    }),
  );
}

const NUMERIC_OUT_OF_RANGE = "22003";
const key = (r: RollupRow) => `${r.indicatorId}|${r.bucket.resolution}|${r.bucket.start}`;

/** Folds until the journal is empty (or another process holds the fold), returning what this process folded. */
export async function drainJournal(sql: SqlRunner, limit = FOLD_LIMIT): Promise<Fold> {
  const total: Fold = { entries: 0, points: 0, buckets: 0 };
  for (;;) {
    const fold = await materializeRollups(sql, limit);
    if (fold === null || fold.entries === 0) return total;
    total.entries += fold.entries;
    total.points += fold.points;
    total.buckets += fold.buckets;
    if (fold.entries < limit) return total;
  }
}
