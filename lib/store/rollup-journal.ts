import "server-only";
import { write, type SqlRunner } from "@/lib/store/sql-runner";
import { toCount } from "@/lib/store/sql-time";

/** One batch's packed new points (lib/pipeline/journal-codec.ts), in the batch's own transaction. */
export async function appendJournal(tx: Pick<SqlRunner, "query" | "defer">, points: Uint8Array): Promise<void> {
  await write(tx, `INSERT INTO "rollup_journal" (points) VALUES ($1)`, [Buffer.from(points.buffer, points.byteOffset, points.byteLength)]);
}

/**
 * Deletes and returns up to `limit` of the oldest entries, skipping any another transaction holds:
 * the caller folds them into the roll-ups in the same transaction, so an entry is folded exactly
 * once, or stays if the transaction rolls back.
 */
export async function takeJournal(tx: Pick<SqlRunner, "query">, limit: number): Promise<Uint8Array[]> {
  const rows = await tx.query<{ points: Buffer }>(
    `DELETE FROM "rollup_journal" WHERE id IN (SELECT id FROM "rollup_journal" ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, points`,
    [limit],
  );
  return rows.map((r) => r.points);
}

/** Every entry not yet folded in, oldest first: a reader adds them to the stored buckets. */
export async function readJournal(sql: Pick<SqlRunner, "query">): Promise<Uint8Array[]> {
  const rows = await sql.query<{ points: Buffer }>(`SELECT points FROM "rollup_journal" ORDER BY id`);
  return rows.map((r) => r.points);
}

/** Entries waiting to be folded in. */
export async function journalBacklog(sql: Pick<SqlRunner, "query">): Promise<number> {
  const [row] = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "rollup_journal"`);
  return toCount(row?.n ?? "0");
}
