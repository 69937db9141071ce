import "server-only";
import { write, type SqlRunner } from "@/lib/store/sql-runner";

/** A stored answer to a request sent with an `Idempotency-Key` (docs/telemetry-in.md). */
export interface IdempotentAnswer {
  requestHash: string;
  status: number;
  body: unknown;
}

/**
 * Claims `key` for `actor` inside the batch's transaction, or returns the answer stored by the
 * request that claimed it first. The claim is the row itself: a second request with the same key
 * waits on the first one's uncommitted insert, then sees its answer — so two concurrent retries
 * cannot both store the batch. Call `saveAnswer` before the transaction commits.
 */
export async function claimKey(tx: SqlRunner, actor: string, key: string, requestHash: string): Promise<IdempotentAnswer | null> {
  const inserted = await tx.query(
    `INSERT INTO "idempotent_request" (actor, key, request_hash, status, body) VALUES ($1, $2, $3, 0, 'null'::jsonb)
     ON CONFLICT (actor, key) DO NOTHING RETURNING 1`,
    [actor, key, requestHash],
  );
  if (inserted.length === 1) return null;
  const [row] = await tx.query<{ request_hash: string; status: number; body: unknown }>(
    `SELECT request_hash, status, body FROM "idempotent_request" WHERE actor = $1 AND key = $2`,
    [actor, key],
  );
  if (row === undefined) throw new Error("idempotency key vanished between claim and read");
  return { requestHash: row.request_hash, status: row.status, body: row.body };
}

export async function saveAnswer(tx: SqlRunner, actor: string, key: string, status: number, body: unknown): Promise<void> {
  await write(tx, `UPDATE "idempotent_request" SET status = $3, body = $4::jsonb WHERE actor = $1 AND key = $2`, [
    actor,
    key,
    status,
    JSON.stringify(body),
  ]);
}

/** Forgets answers older than `before` (epoch ms): a client retries within minutes, not days. */
export async function pruneIdempotentRequests(sql: SqlRunner, before: number): Promise<number> {
  const [row] = await sql.query<{ removed: number }>(
    `WITH removed AS (DELETE FROM "idempotent_request" WHERE created_at < to_timestamp($1::float8 / 1000) RETURNING 1)
     SELECT count(*)::int AS removed FROM removed`,
    [before],
  );
  return row?.removed ?? 0;
}
