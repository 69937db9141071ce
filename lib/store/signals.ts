import "server-only";
import { signalStreamEvents } from "@/lib/signals/signal-stream-events";
import { write, writeParts, type SqlRunner } from "@/lib/store/sql-runner";
import { queueStreamEvents } from "@/lib/store/stream-events";
import { inScopes } from "@/lib/store/scope-filter";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import { signalSchema, type Signal, type SignalDeadline, type TimelineEntry } from "@/lib/vsm/algedonic/schemas";

type Sql = Pick<SqlRunner, "query">;
/** A writer: signal writes also queue the live stream's events, written as the transaction commits. */
type Tx = SqlRunner;

/** Where a signal came from, beside the signal itself. */
export interface SignalOrigin {
  systemId: number;
  indicatorId: number | null;
  externalAlertId: number | null;
  labels: Record<string, string>;
}

/** The columns queries filter on, repeated from the signal; `body` holds the rest. */
function columns(signal: Signal) {
  // The timeline lives in signal_event, one row per entry; the body is everything else.
  const body: Partial<Signal> = { ...signal };
  delete body.timeline;
  return {
    state: signal.state,
    valence: signal.valence,
    kind: signal.kind,
    band: signal.band,
    level: signal.level,
    holderLevel: signal.holderLevel,
    raisedAt: signal.raisedAt,
    closedAt: signal.closedAt,
    closeReason: signal.closeReason,
    changes: signal.changes,
    version: signal.version,
    body: JSON.stringify(body),
  };
}

/** A new signal to store, with where it came from and the deadlines it needs. */
export interface NewSignal {
  signal: Signal;
  origin: SignalOrigin;
  schedule: readonly SignalDeadline[];
}

/** A transition to store: the signal as read, as changed, and the deadlines it now needs. */
export interface Transition {
  before: Signal;
  after: Signal;
  schedule: readonly SignalDeadline[];
}

/** A new signal with its first timeline entries and its deadlines. */
export async function insertSignal(tx: Tx, signal: Signal, origin: SignalOrigin, schedule: readonly SignalDeadline[]): Promise<void> {
  await insertSignals(tx, [{ signal, origin, schedule }]);
}

/** New signals, their timelines and deadlines, in four statements however many there are. */
export async function insertSignals(tx: Tx, items: readonly NewSignal[]): Promise<void> {
  if (items.length === 0) return;
  const c = items.map((i) => columns(i.signal));
  await write(
    tx,
    `INSERT INTO "signal" (id, system_id, indicator_id, external_alert_id, state, valence, kind, band, level, holder_level,
                           raised_at, closed_at, close_reason, changes, version, body, labels)
     SELECT id, system_id, indicator_id, external_alert_id, state, valence, kind, band, level, holder_level,
            ${toTimestamp("raised_at")}, ${toTimestamp("closed_at")}, close_reason, changes, version, body::jsonb, labels::jsonb
       FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[],
                   $11::float8[], $12::float8[], $13::text[], $14::int[], $15::int[], $16::text[], $17::text[])
         AS n(id, system_id, indicator_id, external_alert_id, state, valence, kind, band, level, holder_level,
              raised_at, closed_at, close_reason, changes, version, body, labels)`,
    [
      items.map((i) => i.signal.id),
      items.map((i) => i.origin.systemId),
      items.map((i) => i.origin.indicatorId),
      items.map((i) => i.origin.externalAlertId),
      c.map((x) => x.state),
      c.map((x) => x.valence),
      c.map((x) => x.kind),
      c.map((x) => x.band),
      c.map((x) => x.level),
      c.map((x) => x.holderLevel),
      c.map((x) => x.raisedAt),
      c.map((x) => x.closedAt),
      c.map((x) => x.closeReason),
      c.map((x) => x.changes),
      c.map((x) => x.version),
      c.map((x) => x.body),
      items.map((i) => JSON.stringify(i.origin.labels)),
    ],
  );
  await appendTimelines(
    tx,
    items.flatMap((i) => i.signal.timeline.map((entry) => ({ signalId: i.signal.id, entry }))),
  );
  await replaceDeadlines(
    tx,
    items.map((i) => ({ signalId: i.signal.id, schedule: i.schedule })),
  );
  await queueStreamEvents(tx, signalStreamEvents(items.map((i) => ({ signal: i.signal, added: i.signal.timeline }))));
}

/**
 * Stores a transition computed from `before`, only if the stored signal is still at `before`'s
 * version (compare-and-swap): false when another writer got there first, and nothing was written.
 */
export async function saveTransition(tx: Tx, before: Signal, after: Signal, schedule: readonly SignalDeadline[]): Promise<boolean> {
  return (await saveTransitions(tx, [{ before, after, schedule }])).length === 1;
}

/**
 * Stores transitions in four statements, each only over the version it was computed from
 * (compare-and-swap). Returns the ids that were stored; the others lost a race and wrote nothing.
 */
export async function saveTransitions(tx: Tx, items: readonly Transition[]): Promise<string[]> {
  if (items.length === 0) return [];
  const c = items.map((i) => columns(i.after));
  const updated = await tx.query<{ id: string }>(
    `UPDATE "signal" s SET state = u.state, band = u.band, holder_level = u.holder_level, closed_at = ${toTimestamp("u.closed_at")},
            close_reason = u.close_reason, changes = u.changes, version = u.version, body = u.body::jsonb, updated_at = now()
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::text[], $8::int[], $9::int[], $10::text[])
         AS u(id, expected, state, band, holder_level, closed_at, close_reason, changes, version, body)
      WHERE s.id = u.id AND s.version = u.expected
      RETURNING s.id`,
    [
      items.map((i) => i.after.id),
      items.map((i) => i.before.version),
      c.map((x) => x.state),
      c.map((x) => x.band),
      c.map((x) => x.holderLevel),
      c.map((x) => x.closedAt),
      c.map((x) => x.closeReason),
      c.map((x) => x.changes),
      c.map((x) => x.version),
      c.map((x) => x.body),
    ],
  );
  const won = new Set(updated.map((u) => u.id));
  const stored = items.filter((i) => won.has(i.after.id));
  await appendTimelines(
    tx,
    stored.flatMap((i) => i.after.timeline.slice(i.before.timeline.length).map((entry) => ({ signalId: i.after.id, entry }))),
  );
  await replaceDeadlines(
    tx,
    stored.map((i) => ({ signalId: i.after.id, schedule: i.schedule })),
  );
  await queueStreamEvents(
    tx,
    signalStreamEvents(stored.map((i) => ({ signal: i.after, added: i.after.timeline.slice(i.before.timeline.length) }))),
  );
  return [...won];
}

async function appendTimelines(tx: Tx, rows: readonly { signalId: string; entry: TimelineEntry }[]): Promise<void> {
  if (rows.length === 0) return;
  const entries = rows.map((r) => r.entry);
  await write(
    tx,
    `INSERT INTO "signal_event" (signal_id, seq, at, actor, kind, from_state, to_state, level, reason, probabilities)
     SELECT signal_id, seq, ${toTimestamp("at")}, actor::jsonb, kind, from_state, to_state, level, reason, probabilities::jsonb
       FROM unnest($1::text[], $2::int[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[])
         AS e(signal_id, seq, at, actor, kind, from_state, to_state, level, reason, probabilities)`,
    [
      rows.map((r) => r.signalId),
      entries.map((e) => e.seq),
      entries.map((e) => e.at),
      entries.map((e) => JSON.stringify(e.actor)),
      entries.map((e) => e.kind),
      entries.map((e) => e.from),
      entries.map((e) => e.to),
      entries.map((e) => e.level),
      entries.map((e) => e.reason),
      entries.map((e) => (e.probabilities ? JSON.stringify(e.probabilities) : null)),
    ],
  );
}

/**
 * Each signal's deadlines become exactly its schedule: superseded timers go in the same
 * transaction. Two writes on different rows — the kinds a schedule no longer has deleted, the rest
 * inserted or overwritten — so they can go in one statement with the batch's other writes.
 */
async function replaceDeadlines(tx: Tx, items: readonly { signalId: string; schedule: readonly SignalDeadline[] }[]): Promise<void> {
  if (items.length === 0) return;
  const rows = items.flatMap((i) => i.schedule.map((d) => ({ signalId: i.signalId, d })));
  const gone = {
    text: `DELETE FROM "signal_deadline" d
            WHERE d.signal_id = ANY($1::text[])
              AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS k(signal_id, kind) WHERE k.signal_id = d.signal_id AND k.kind = d.kind)`,
    params: [items.map((i) => i.signalId), rows.map((r) => r.signalId), rows.map((r) => r.d.kind)],
  };
  const kept = {
    text: `INSERT INTO "signal_deadline" (signal_id, kind, at, level)
           SELECT signal_id, kind, ${toTimestamp("at")}, level FROM unnest($1::text[], $2::text[], $3::float8[], $4::int[]) AS d(signal_id, kind, at, level)
           ON CONFLICT (signal_id, kind) DO UPDATE SET at = excluded.at, level = excluded.level`,
    params: [rows.map((r) => r.signalId), rows.map((r) => r.d.kind), rows.map((r) => r.d.at), rows.map((r) => r.d.level)],
  };
  await writeParts(tx, rows.length === 0 ? [gone] : [gone, kept]);
}

interface SignalRecord extends Record<string, unknown> {
  body: Omit<Signal, "timeline">;
  timeline: {
    seq: number;
    at: number;
    actor: TimelineEntry["actor"];
    kind: TimelineEntry["kind"];
    from: TimelineEntry["from"];
    to: TimelineEntry["to"];
    level: number;
    reason: string;
    probabilities: TimelineEntry["probabilities"] | null;
  }[];
}

const SELECT_SIGNALS = `
SELECT s.body,
       COALESCE((SELECT json_agg(json_build_object('seq', e.seq, 'at', ${toMillis("e.at")}, 'actor', e.actor, 'kind', e.kind,
                                                  'from', e.from_state, 'to', e.to_state, 'level', e.level, 'reason', e.reason,
                                                  'probabilities', e.probabilities) ORDER BY e.seq)
                   FROM "signal_event" e WHERE e.signal_id = s.id), '[]') AS timeline
  FROM "signal" s`;

/** Reassembles a stored signal, checked by the domain's schema: a row lib/vsm cannot read is an error, not a guess. */
function toSignal(record: SignalRecord): Signal {
  const timeline = record.timeline.map(({ probabilities, ...entry }) => (probabilities ? { ...entry, probabilities } : entry));
  return signalSchema.parse({ ...record.body, timeline });
}

export async function readSignal(sql: Sql, id: string): Promise<Signal | null> {
  const [row] = await sql.query<SignalRecord>(`${SELECT_SIGNALS} WHERE s.id = $1`, [id]);
  return row ? toSignal(row) : null;
}

/** The running signals of these indicators, as (indicator, id, version): enough to tell whether a cached copy is current. */
export async function runningSignalVersions(
  sql: Sql,
  indicatorIds: readonly number[],
): Promise<{ indicatorId: number; id: string; version: number }[]> {
  if (indicatorIds.length === 0) return [];
  return sql.query<{ indicatorId: number; id: string; version: number }>(
    `SELECT indicator_id AS "indicatorId", id, version FROM "signal" WHERE indicator_id = ANY($1::int[]) AND closed_at IS NULL`,
    [indicatorIds],
  );
}

/** Whole signals by id, timelines included. */
export async function readSignals(sql: Sql, ids: readonly string[]): Promise<Signal[]> {
  if (ids.length === 0) return [];
  return (await sql.query<SignalRecord>(`${SELECT_SIGNALS} WHERE s.id = ANY($1::text[])`, [ids])).map(toSignal);
}

/**
 * Signals, newest first: the running ones, and those closed since `closedSince` (epoch ms) —
 * without the provisional ones the filter took back unless `retracted` (its hesitations, not pages).
 */
export async function listSignals(
  sql: Sql,
  options: { closedSince: number; limit: number; retracted?: boolean; scopes: readonly string[] },
): Promise<Signal[]> {
  const rows = await sql.query<SignalRecord>(
    `${SELECT_SIGNALS} WHERE (s.closed_at IS NULL OR s.closed_at >= ${toTimestamp("$1::float8")}) AND ($3 OR s.state <> 'retracted')
       AND ${inScopes(UNIT_PATH, "$4")}
     ORDER BY s.raised_at DESC, s.id LIMIT $2`,
    [options.closedSince, options.limit, options.retracted ?? false, options.scopes],
  );
  return rows.map(toSignal);
}

/** One signal, if its unit lies in `scopes`; null otherwise, so a page does not reveal that it exists. */
export async function readSignalIn(sql: Sql, id: string, scopes: readonly string[]): Promise<Signal | null> {
  const [row] = await sql.query<SignalRecord>(`${SELECT_SIGNALS} WHERE s.id = $1 AND ${inScopes(UNIT_PATH, "$2")}`, [id, scopes]);
  return row ? toSignal(row) : null;
}

/** How many provisional signals in `scopes` were taken back (retracted) since `since`: what the list leaves out by default. */
export async function countRetractedSince(sql: Sql, since: number, scopes: readonly string[]): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "signal" s
      WHERE s.state = 'retracted' AND s.closed_at >= ${toTimestamp("$1::float8")} AND ${inScopes(UNIT_PATH, "$2")}`,
    [since, scopes],
  );
  return row?.n ?? 0;
}

/** The path of a signal's unit, for the scope condition. */
const UNIT_PATH = `(SELECT u.path FROM "system" u WHERE u.id = s.system_id)`;

/** Every signal raised at or after `since` (epoch ms), oldest first: what a run of the simulator produced. */
export async function signalsRaisedSince(sql: Sql, since: number): Promise<Signal[]> {
  const rows = await sql.query<SignalRecord>(
    `${SELECT_SIGNALS} WHERE s.raised_at >= ${toTimestamp("$1::float8")} ORDER BY s.raised_at, s.id`,
    [since],
  );
  return rows.map(toSignal);
}

/**
 * Takes due deadlines (at ≤ now), oldest first, locking each row and skipping rows another worker
 * holds: the caller fires them and replaces them in the same transaction, so each fires once.
 */
export async function claimDueDeadlines(tx: Sql, now: number, limit: number): Promise<SignalDeadline[]> {
  return tx.query<SignalDeadline & Record<string, unknown>>(
    `SELECT signal_id AS "signalId", kind, ${toMillis("at")} AS at, level FROM "signal_deadline"
      WHERE at <= ${toTimestamp("$1::float8")} ORDER BY at, signal_id, kind LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit],
  );
}

/**
 * Removes one deadline row the domain found obsolete, so that it is not claimed again — only that
 * row: if a transition in the same transaction already replaced it with a later one, that stays.
 */
export async function dropDeadline(tx: Sql, deadline: SignalDeadline): Promise<void> {
  await tx.query(`DELETE FROM "signal_deadline" WHERE signal_id = $1 AND kind = $2 AND at = ${toTimestamp("$3::float8")}`, [
    deadline.signalId,
    deadline.kind,
    deadline.at,
  ]);
}

/** The system a unit path names, with its id and level, or null. */
export async function systemByPath(sql: Sql, path: string): Promise<{ id: number; level: number } | null> {
  const [row] = await sql.query<{ id: number; level: number }>(`SELECT id, level FROM "system" WHERE path = $1`, [path]);
  return row ?? null;
}

/**
 * The systems these paths name, with their ids and policy overrides as stored (lib/vsm/policy.ts
 * merges a unit's and its ancestors'); a path the model lacks is left out.
 */
export async function systemsAlong(sql: Sql, paths: readonly string[]): Promise<Map<string, { id: number; policy: unknown }>> {
  const rows = await sql.query<{ path: string; id: number; policy: unknown }>(
    `SELECT path, id, policy FROM "system" WHERE path = ANY($1::text[])`,
    [paths],
  );
  return new Map(rows.map((r) => [r.path, { id: r.id, policy: r.policy }]));
}

/** The signal an external alert raised, if any: there is at most one. */
export async function signalOfAlert(sql: Sql, externalAlertId: number): Promise<Signal | null> {
  const [row] = await sql.query<SignalRecord>(`${SELECT_SIGNALS} WHERE s.external_alert_id = $1`, [externalAlertId]);
  return row ? toSignal(row) : null;
}
