import "server-only";
import type { SystemSummary } from "@/lib/api/schemas/systems";
import { inScopes } from "@/lib/store/scope-filter";
import type { SqlRunner } from "@/lib/store/sql-runner";

type Sql = Pick<SqlRunner, "query">;

interface SummaryRow extends Record<string, unknown> {
  path: string;
  parent: string | null;
  level: number;
  name: string;
  purpose: string;
  owner: string | null;
  functions: string[];
  indicators: number;
  pain: number;
  pleasure: number;
}

/*
 * One statement whatever the size of the model: counts by correlated subqueries on the indexed
 * system_id columns. Paths sort bytewise (COLLATE "C") so a system always precedes its units,
 * whatever the database's collation.
 */
const SUMMARIES = `
SELECT s.path, p.path AS parent, s.level, s.name, s.purpose, s.owner,
       COALESCE((SELECT array_agg(f.kind::text) FROM "system_function" f WHERE f.system_id = s.id AND f.present), '{}') AS functions,
       (SELECT count(*)::int FROM "indicator" i WHERE i.system_id = s.id) AS indicators,
       (SELECT count(*)::int FROM "signal" g WHERE g.system_id = s.id AND g.closed_at IS NULL AND g.valence = 'pain') AS pain,
       (SELECT count(*)::int FROM "signal" g WHERE g.system_id = s.id AND g.closed_at IS NULL AND g.valence = 'pleasure') AS pleasure
  FROM "system" s LEFT JOIN "system" p ON p.id = s.parent_id
 WHERE ${inScopes("s.path", "$1")} AND ($2::text IS NULL OR p.path = $2)
 ORDER BY s.path COLLATE "C"`;

/**
 * The systems in `scopes` (the subtrees the reader may see; authorization in the query), or only
 * the units of the system at `parent` among them.
 */
export async function listSystemSummaries(sql: Sql, options: { scopes: readonly string[]; parent?: string }): Promise<SystemSummary[]> {
  const rows = await sql.query<SummaryRow>(SUMMARIES, [options.scopes, options.parent ?? null]);
  return rows.map((row) => {
    const present = new Set(row.functions);
    return {
      path: row.path,
      parent: row.parent,
      level: row.level,
      name: row.name,
      purpose: row.purpose,
      owner: row.owner,
      functions: {
        s2: present.has("s2"),
        s3: present.has("s3"),
        s3star: present.has("s3star"),
        s4: present.has("s4"),
        s5: present.has("s5"),
      },
      indicatorCount: row.indicators,
      openSignals: { pain: row.pain, pleasure: row.pleasure },
    };
  });
}

/** Whether a system exists at `path`. */
export async function systemExists(sql: Sql, path: string): Promise<boolean> {
  return (await sql.query(`SELECT 1 FROM "system" WHERE path = $1`, [path])).length > 0;
}
