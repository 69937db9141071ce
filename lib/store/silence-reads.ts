import "server-only";
import { inScopes } from "@/lib/store/scope-filter";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import { silenceSchema, type Silence } from "@/lib/vsm/algedonic/schemas";

type Sql = Pick<SqlRunner, "query">;

const COLUMNS = `id, matcher, ${toMillis("starts_at")} AS "startsAt", ${toMillis("ends_at")} AS "endsAt", reason,
                 created_by AS "createdBy", ${toMillis("created_at")} AS "createdAt"`;

/*
 * Which silences a reader sees: those that can hide a signal of theirs. A silence on a unit in the
 * reader's subtrees; one on a whole subtree above a subtree of theirs; and one that names no unit
 * (it matches by kind, valence…, everywhere). Authorization in the query (STYLE rule 10).
 */
const VISIBLE = `(matcher->>'unitPath' IS NULL
   OR ${inScopes("matcher->>'unitPath'", "$1")}
   OR (matcher->>'scope' = 'subtree' AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS reader(path)
                                                  WHERE starts_with(reader.path, (matcher->>'unitPath') || '/'))))`;

/** The silences the reader sees that had not ended by `since` (epoch ms), by start. */
export async function listSilencesIn(sql: Sql, options: { since: number; scopes: readonly string[]; limit: number }): Promise<Silence[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM "silence" WHERE ${VISIBLE} AND ends_at > ${toTimestamp("$2::float8")} ORDER BY starts_at, id LIMIT $3`,
    [options.scopes, options.since, options.limit],
  );
  return rows.map((row) => silenceSchema.parse(row));
}

/** One silence, if the reader sees it; null otherwise, so its existence is not told. */
export async function readSilenceIn(sql: Sql, id: string, scopes: readonly string[]): Promise<Silence | null> {
  const [row] = await sql.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM "silence" WHERE id = $2 AND ${VISIBLE}`, [scopes, id]);
  return row ? silenceSchema.parse(row) : null;
}
