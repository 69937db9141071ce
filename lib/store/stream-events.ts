import "server-only";
import { EventEmitter } from "node:events";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";

/**
 * The live stream's event log (docs/live-stream.md). Writers queue events inside their own
 * transaction; just before COMMIT they are inserted under a transaction-scoped advisory lock and
 * announced with NOTIFY. The lock is held to COMMIT, so ids become visible in id order: a reader
 * that has seen id n and later reads "id > n" can never miss a row that committed late with a
 * smaller id. NOTIFY carries only the highest id (payloads are limited to 8,000 bytes); the rows
 * are the truth.
 */

export const STREAM_KINDS = ["signal", "timeline", "variety", "observations"] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** The NOTIFY channel every instance LISTENs on. */
export const STREAM_CHANNEL = "vsm_stream";

/** The advisory lock that orders event ids by commit; an arbitrary constant of this application. */
const ORDER_LOCK = 0x7653_4d01;

export interface NewStreamEvent {
  kind: StreamKind;
  /** The unit paths the event concerns: who may see it, and which subtree filters it matches. */
  paths: readonly string[];
  data: unknown;
}

export interface StreamEvent extends NewStreamEvent {
  id: number;
  at: number;
}

type Sql = Pick<SqlRunner, "query">;

/**
 * This process's own news that events were committed, so its hub reads them at once instead of
 * waiting for NOTIFY or, on the embedded database (which cannot route NOTIFY), for its next poll.
 * On globalThis: Next may load this module more than once in one server.
 */
const holder = globalThis as typeof globalThis & { vsmStreamWrites?: EventEmitter };
const written = (holder.vsmStreamWrites ??= new EventEmitter().setMaxListeners(0));

/** Calls `listener` whenever this process commits stream events; returns how to stop. */
export function onLocalStreamWrite(listener: () => void): () => void {
  written.on("written", listener);
  return () => void written.off("written", listener);
}

const outboxes = new WeakMap<object, NewStreamEvent[]>();

/**
 * Queues events to be written with the transaction `tx` commits, after everything else it does,
 * so that the ordering lock is held only for the insert and the commit. Outside a transaction
 * (a runner without beforeCommit) they are written at once in a short transaction of their own.
 */
export async function queueStreamEvents(tx: SqlRunner, events: readonly NewStreamEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (tx.beforeCommit === undefined) {
    await tx.transaction((own) => insertStreamEvents(own, events));
    written.emit("written");
    return;
  }
  const outbox = outboxes.get(tx);
  if (outbox !== undefined) {
    outbox.push(...events);
    return;
  }
  const fresh = [...events];
  outboxes.set(tx, fresh);
  tx.beforeCommit(() => insertStreamEvents(tx, fresh));
  tx.afterCommit?.(() => written.emit("written"));
}

async function insertStreamEvents(tx: Sql, events: readonly NewStreamEvent[]): Promise<void> {
  // One statement: every row it inserts joins the lock's one row, so the lock is held before the
  // first id is drawn from the sequence.
  await tx.query(
    `WITH ordered AS MATERIALIZED (SELECT pg_advisory_xact_lock($4)),
     inserted AS (
       INSERT INTO "stream_event" (kind, paths, data)
       SELECT e.kind, ARRAY(SELECT jsonb_array_elements_text(e.paths::jsonb)), e.data::jsonb
         FROM ordered, unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS e(kind, paths, data, n)
        ORDER BY e.n
       RETURNING id)
     SELECT pg_notify('${STREAM_CHANNEL}', max(id)::text) FROM inserted`,
    [events.map((e) => e.kind), events.map((e) => JSON.stringify(e.paths)), events.map((e) => JSON.stringify(e.data)), ORDER_LOCK],
  );
}

interface StreamEventRow extends Record<string, unknown> {
  id: string;
  at: number;
  kind: StreamKind;
  paths: string[];
  data: unknown;
}

/** Events after `afterId`, oldest first, at most `limit`. */
export async function readStreamEventsAfter(sql: Sql, afterId: number, limit: number): Promise<StreamEvent[]> {
  const rows = await sql.query<StreamEventRow>(
    // Ordered by the bigint column, not the text alias: "10" sorts before "8".
    `SELECT e.id::text AS id, ${toMillis("e.at")} AS at, e.kind, e.paths, e.data FROM "stream_event" e WHERE e.id > $1 ORDER BY e.id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), at: Number(r.at), kind: r.kind, paths: r.paths, data: r.data }));
}

/** The newest event's id (0 for an empty log): where a client that asks for no history starts. */
export async function latestStreamEventId(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ id: string | null }>(`SELECT max(id)::text AS id FROM "stream_event"`);
  return Number(row?.id ?? 0);
}

/** The oldest id still kept, or null: a client asking to resume from before it has lost events. */
export async function oldestStreamEventId(sql: Sql): Promise<number | null> {
  const [row] = await sql.query<{ id: string | null }>(`SELECT min(id)::text AS id FROM "stream_event"`);
  return row?.id == null ? null : Number(row.id);
}

/** Removes events older than `before.all`, and observation summaries older than `before.observations` (ms); returns how many. */
export async function pruneStreamEvents(sql: Sql, before: { all: number; observations: number }): Promise<number> {
  const rows = await sql.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM "stream_event"
        WHERE at < ${toTimestamp("$1::float8")} OR (kind = 'observations' AND at < ${toTimestamp("$2::float8")})
       RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [before.all, before.observations],
  );
  return rows[0]?.n ?? 0;
}
