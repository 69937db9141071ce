import "server-only";
import { inScopes } from "@/lib/store/scope-filter";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import { signalSchema, timelineEntrySchema, type Signal, type SignalState, type TimelineEntry } from "@/lib/vsm/algedonic/schemas";
import type { Valence } from "@/lib/vsm/types";

/**
 * Signals without their timelines, a page at a time, for GraphQL readers (docs/graphql.md): newest
 * raised first, always limited to the reader's subtrees inside the query. Timelines are read apart
 * and for many signals at once, so a page that does not ask for them does not read them and one
 * that does reads them in one statement.
 */
type Sql = Pick<SqlRunner, "query">;

/** A stored signal without its timeline, with the id of its unit. */
export type SignalHead = Omit<Signal, "timeline"> & { systemId: number };

export interface SignalHeadFilter {
  states: readonly SignalState[] | null;
  valence: Valence | null;
  kind: string | null;
  /** A system path: signals of that unit and the units below it. */
  subtree: string | null;
  /** Raised in [from, to), epoch ms. */
  from?: number | null;
  to?: number | null;
}

/** Where the previous page ended, in the list's order: newest raised first, then by id. */
export interface SignalPosition {
  raisedAt: number;
  id: string;
}

const headSchema = signalSchema.omit({ timeline: true });

/*
 * Keyset pagination on (raised_at, id), newest first, both in the ORDER BY and in the condition
 * that starts a page: an OFFSET would repeat or skip signals raised between two pages. Ids compare
 * bytewise (COLLATE "C") so the order is the same on every database. Every filter is a parameter;
 * a NULL one does not filter. The one page query of both the REST list and GraphQL.
 */
const PAGE = `
SELECT s.body, s.system_id AS "systemId"
  FROM "signal" s JOIN "system" u ON u.id = s.system_id
 WHERE ${inScopes("u.path", "$1")}
   AND ($2::text[] IS NULL OR s.state = ANY($2::text[]))
   AND ($3::text IS NULL OR s.valence = $3)
   AND ($4::text IS NULL OR s.kind = $4)
   AND ($5::text IS NULL OR u.path = $5 OR starts_with(u.path, $5 || '/'))
   AND ($6::float8 IS NULL OR s.raised_at >= ${toTimestamp("$6::float8")})
   AND ($7::float8 IS NULL OR s.raised_at < ${toTimestamp("$7::float8")})
   AND ($8::float8 IS NULL OR (s.raised_at, s.id COLLATE "C") < (${toTimestamp("$8::float8")}, $9::text COLLATE "C"))
 ORDER BY s.raised_at DESC, s.id COLLATE "C" DESC
 LIMIT $10`;

function toHead(row: { body: unknown; systemId: number }): SignalHead {
  // Checked by the domain's schema: a row lib/vsm cannot read is an error, not a guess.
  return { ...headSchema.parse(row.body), systemId: row.systemId };
}

/** Up to `limit` signals in `scopes` matching `filter`, after `after`, newest raised first. */
export async function signalHeadPage(
  sql: Sql,
  options: { scopes: readonly string[]; filter: SignalHeadFilter; after: SignalPosition | null; limit: number },
): Promise<SignalHead[]> {
  const { filter, after } = options;
  const rows = await sql.query<{ body: unknown; systemId: number }>(PAGE, [
    options.scopes,
    filter.states && filter.states.length > 0 ? filter.states : null,
    filter.valence,
    filter.kind,
    filter.subtree,
    filter.from ?? null,
    filter.to ?? null,
    after?.raisedAt ?? null,
    after?.id ?? null,
    options.limit,
  ]);
  return rows.map(toHead);
}

/** One signal without its timeline, if its unit lies in `scopes`; null otherwise, as if it did not exist. */
export async function signalHeadIn(sql: Sql, id: string, scopes: readonly string[]): Promise<SignalHead | null> {
  const [row] = await sql.query<{ body: unknown; systemId: number }>(
    `SELECT s.body, s.system_id AS "systemId" FROM "signal" s JOIN "system" u ON u.id = s.system_id
      WHERE s.id = $1 AND ${inScopes("u.path", "$2")}`,
    [id, scopes],
  );
  return row ? toHead(row) : null;
}

/** The timelines of these signals (of those in `scopes`), each in order; a signal without entries is left out. */
export async function timelinesOf(sql: Sql, ids: readonly string[], scopes: readonly string[]): Promise<Map<string, TimelineEntry[]>> {
  const timelines = new Map<string, TimelineEntry[]>();
  if (ids.length === 0) return timelines;
  const rows = await sql.query<{ signalId: string } & Record<string, unknown>>(
    `SELECT e.signal_id AS "signalId", e.seq, ${toMillis("e.at")} AS at, e.actor, e.kind, e.from_state AS "from", e.to_state AS "to",
            e.level, e.reason, e.probabilities
       FROM "signal_event" e JOIN "signal" s ON s.id = e.signal_id JOIN "system" u ON u.id = s.system_id
      WHERE e.signal_id = ANY($1::text[]) AND ${inScopes("u.path", "$2")}
      ORDER BY e.signal_id, e.seq`,
    [ids, scopes],
  );
  for (const { signalId, probabilities, ...entry } of rows) {
    const parsed = timelineEntrySchema.parse(probabilities === null ? entry : { ...entry, probabilities });
    const list = timelines.get(signalId);
    if (list) list.push(parsed);
    else timelines.set(signalId, [parsed]);
  }
  return timelines;
}
