import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import { signalSchema, type Signal, type SignalDeadline, type TimelineEntry } from "@/lib/vsm/algedonic/schemas";

type Sql = Pick<SqlRunner, "query">;

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

/** A new signal with its first timeline entries and its deadlines. */
export async function insertSignal(tx: Sql, signal: Signal, origin: SignalOrigin, schedule: readonly SignalDeadline[]): Promise<void> {
  const c = columns(signal);
  await tx.query(
    `INSERT INTO "signal" (id, system_id, indicator_id, external_alert_id, state, valence, kind, band, level, holder_level,
                           raised_at, closed_at, close_reason, changes, version, body, labels)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${toTimestamp("$11::float8")}, ${toTimestamp("$12::float8")}, $13, $14, $15, $16::jsonb, $17::jsonb)`,
    [
      signal.id,
      origin.systemId,
      origin.indicatorId,
      origin.externalAlertId,
      c.state,
      c.valence,
      c.kind,
      c.band,
      c.level,
      c.holderLevel,
      c.raisedAt,
      c.closedAt,
      c.closeReason,
      c.changes,
      c.version,
      c.body,
      JSON.stringify(origin.labels),
    ],
  );
  await appendTimeline(tx, signal.id, signal.timeline);
  await replaceDeadlines(tx, signal.id, schedule);
}

/**
 * Stores a transition computed from `before`, only if the stored signal is still at `before`'s
 * version (compare-and-swap): false when another writer got there first, and nothing was written.
 */
export async function saveTransition(tx: Sql, before: Signal, after: Signal, schedule: readonly SignalDeadline[]): Promise<boolean> {
  const c = columns(after);
  const updated = await tx.query<{ id: string }>(
    `UPDATE "signal" SET state = $3, band = $4, holder_level = $5, closed_at = ${toTimestamp("$6::float8")}, close_reason = $7,
            changes = $8, version = $9, body = $10::jsonb, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [after.id, before.version, c.state, c.band, c.holderLevel, c.closedAt, c.closeReason, c.changes, c.version, c.body],
  );
  if (updated.length === 0) return false;
  await appendTimeline(tx, after.id, after.timeline.slice(before.timeline.length));
  await replaceDeadlines(tx, after.id, schedule);
  return true;
}

async function appendTimeline(tx: Sql, signalId: string, entries: readonly TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO "signal_event" (signal_id, seq, at, actor, kind, from_state, to_state, level, reason, probabilities)
     SELECT $1, seq, ${toTimestamp("at")}, actor::jsonb, kind, from_state, to_state, level, reason, probabilities::jsonb
       FROM unnest($2::int[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[])
         AS e(seq, at, actor, kind, from_state, to_state, level, reason, probabilities)`,
    [
      signalId,
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

/** The signal's deadlines become exactly `schedule`: superseded timers go in the same transaction. */
async function replaceDeadlines(tx: Sql, signalId: string, schedule: readonly SignalDeadline[]): Promise<void> {
  await tx.query(`DELETE FROM "signal_deadline" WHERE signal_id = $1`, [signalId]);
  if (schedule.length === 0) return;
  await tx.query(
    `INSERT INTO "signal_deadline" (signal_id, kind, at, level)
     SELECT $1, kind, ${toTimestamp("at")}, level FROM unnest($2::text[], $3::float8[], $4::int[]) AS d(kind, at, level)`,
    [signalId, schedule.map((d) => d.kind), schedule.map((d) => d.at), schedule.map((d) => d.level)],
  );
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

/** The running (or provisional) signal of an indicator and valence, if any: there is at most one. */
export async function runningSignalOf(sql: Sql, indicatorId: number, valence: Signal["valence"]): Promise<Signal | null> {
  const [row] = await sql.query<SignalRecord>(`${SELECT_SIGNALS} WHERE s.indicator_id = $1 AND s.valence = $2 AND s.closed_at IS NULL`, [
    indicatorId,
    valence,
  ]);
  return row ? toSignal(row) : null;
}

/** Running signals of these indicators, by indicator id. */
export async function runningSignalsOf(sql: Sql, indicatorIds: readonly number[]): Promise<Map<number, Signal[]>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await sql.query<SignalRecord & { indicator_id: number }>(
    `${SELECT_SIGNALS.replace("SELECT s.body,", "SELECT s.indicator_id, s.body,")} WHERE s.indicator_id = ANY($1::int[]) AND s.closed_at IS NULL`,
    [indicatorIds],
  );
  const byIndicator = new Map<number, Signal[]>();
  for (const row of rows) byIndicator.set(row.indicator_id, [...(byIndicator.get(row.indicator_id) ?? []), toSignal(row)]);
  return byIndicator;
}

/** Signals, newest first: the running ones, and those closed since `closedSince` (epoch ms). */
export async function listSignals(sql: Sql, options: { closedSince: number; limit: number }): Promise<Signal[]> {
  const rows = await sql.query<SignalRecord>(
    `${SELECT_SIGNALS} WHERE s.closed_at IS NULL OR s.closed_at >= ${toTimestamp("$1::float8")} ORDER BY s.raised_at DESC, s.id LIMIT $2`,
    [options.closedSince, options.limit],
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

/** The policy overrides of a unit and its ancestors, root first, as stored (lib/vsm/policy.ts merges them). */
export async function policyOverridesAlong(sql: Sql, paths: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await sql.query<{ path: string; policy: unknown }>(`SELECT path, policy FROM "system" WHERE path = ANY($1::text[])`, [
    paths,
  ]);
  return new Map(rows.map((r) => [r.path, r.policy]));
}

/** The signal an external alert raised, if any: there is at most one. */
export async function signalOfAlert(sql: Sql, externalAlertId: number): Promise<Signal | null> {
  const [row] = await sql.query<SignalRecord>(`${SELECT_SIGNALS} WHERE s.external_alert_id = $1`, [externalAlertId]);
  return row ? toSignal(row) : null;
}
