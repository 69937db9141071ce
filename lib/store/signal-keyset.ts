import "server-only";
import type { CursorPosition } from "@/lib/api/signal-cursor";
import { inScopes } from "@/lib/store/scope-filter";
import { readSignals } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import type { Signal, SignalState } from "@/lib/vsm/algedonic/schemas";
import type { Valence } from "@/lib/vsm/types";

type Sql = Pick<SqlRunner, "query">;

export interface SignalPageQuery {
  /** The subtrees the reader may see (lib/auth/permissions.ts scopesWith), already narrowed to any asked-for subtree. */
  scopes: readonly string[];
  states?: readonly SignalState[];
  valence?: Valence;
  kind?: string;
  /** raised_at in [from, to), epoch ms. */
  from?: number;
  to?: number;
  after?: CursorPosition;
  limit: number;
}

/*
 * Keyset pagination on (raised_at, id), newest first, both in the ORDER BY and in the condition
 * that starts a page: an OFFSET would repeat or skip items whenever a signal is raised between two
 * pages. Ids compare bytewise (COLLATE "C") so the order is the same on every database. Every
 * filter is a parameter; a NULL one does not filter.
 */
const PAGE = `
SELECT s.id, ${toMillis("s.raised_at")} AS "raisedAt"
  FROM "signal" s JOIN "system" u ON u.id = s.system_id
 WHERE ${inScopes("u.path", "$1")}
   AND ($2::text[] IS NULL OR s.state = ANY($2::text[]))
   AND ($3::text IS NULL OR s.valence = $3)
   AND ($4::text IS NULL OR s.kind = $4)
   AND ($5::float8 IS NULL OR s.raised_at >= ${toTimestamp("$5::float8")})
   AND ($6::float8 IS NULL OR s.raised_at < ${toTimestamp("$6::float8")})
   AND ($7::float8 IS NULL OR (s.raised_at, s.id COLLATE "C") < (${toTimestamp("$7::float8")}, $8::text COLLATE "C"))
 ORDER BY s.raised_at DESC, s.id COLLATE "C" DESC
 LIMIT $9`;

/**
 * One page of signals in the reader's subtrees (authorization in the query), and the position of
 * the last one when more may follow: one more row than asked for is read to know.
 */
export async function pageSignals(sql: Sql, query: SignalPageQuery): Promise<{ signals: Signal[]; next: CursorPosition | null }> {
  const keys = await sql.query<{ id: string; raisedAt: number }>(PAGE, [
    query.scopes,
    query.states && query.states.length > 0 ? query.states : null,
    query.valence ?? null,
    query.kind ?? null,
    query.from ?? null,
    query.to ?? null,
    query.after?.raisedAt ?? null,
    query.after?.id ?? null,
    query.limit + 1,
  ]);
  const page = keys.slice(0, query.limit);
  const last = page.at(-1);
  const byId = new Map(
    (
      await readSignals(
        sql,
        page.map((k) => k.id),
      )
    ).map((signal) => [signal.id, signal]),
  );
  // readSignals answers in no particular order; the page's is the keys'. A signal deleted in between (its unit removed) is left out.
  const signals = page.flatMap((k) => {
    const signal = byId.get(k.id);
    return signal ? [signal] : [];
  });
  return { signals, next: keys.length > query.limit && last ? { raisedAt: last.raisedAt, id: last.id } : null };
}
