import "server-only";
import type { IndicatorRow } from "@/lib/store/indicators";
import { inScopes } from "@/lib/store/scope-filter";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { FunctionKind } from "@/lib/vsm/model/kinds";

/**
 * Reads of the model for API readers (GraphQL, docs/graphql.md): every one takes the reader's
 * subtrees (`scopesWith(actor, "read")`) into its `where`, and the batched ones take many keys so a
 * request's resolvers cost one statement per kind of read, not one per system.
 */
type Sql = Pick<SqlRunner, "query">;

export interface SystemRecord extends Record<string, unknown> {
  id: number;
  parentId: number | null;
  path: string;
  level: number;
  name: string;
  purpose: string;
  owner: string | null;
}

export interface FunctionRecord extends Record<string, unknown> {
  systemId: number;
  kind: FunctionKind;
  present: boolean;
  owner: string | null;
  notes: string;
}

export interface IndicatorRecord extends IndicatorRow, Record<string, unknown> {}

const SYSTEM_COLUMNS = `s.id, s.parent_id AS "parentId", s.path, s.level, s.name, s.purpose, s.owner`;

/** The tops of the reader's subtrees: the root systems for a reader of the whole model, else the systems its scopes name. */
export async function rootSystemsIn(sql: Sql, scopes: readonly string[]): Promise<SystemRecord[]> {
  return sql.query<SystemRecord>(
    `SELECT ${SYSTEM_COLUMNS} FROM "system" s
      WHERE CASE WHEN $1::text[] @> ARRAY['']::text[] THEN s.level = 0 ELSE s.path = ANY($1::text[]) END
      ORDER BY s.path COLLATE "C"`,
    [scopes],
  );
}

/**
 * Systems in `scopes` (and under `under`, when given) after the path `after`, by path; `limit` rows
 * at most. Paths compare bytewise (COLLATE "C"), so pages follow the same order on every database.
 */
export async function systemsIn(
  sql: Sql,
  options: { scopes: readonly string[]; under: string | null; after: string | null; limit: number },
): Promise<SystemRecord[]> {
  return sql.query<SystemRecord>(
    `SELECT ${SYSTEM_COLUMNS} FROM "system" s
      WHERE ${inScopes("s.path", "$1")}
        AND ($2::text IS NULL OR s.path = $2 OR starts_with(s.path, $2 || '/'))
        AND ($3::text IS NULL OR s.path COLLATE "C" > $3::text COLLATE "C")
      ORDER BY s.path COLLATE "C" LIMIT $4`,
    [options.scopes, options.under, options.after, options.limit],
  );
}

/** The systems with these paths that lie in `scopes`. */
export async function systemsByPaths(sql: Sql, paths: readonly string[], scopes: readonly string[]): Promise<SystemRecord[]> {
  if (paths.length === 0) return [];
  return sql.query<SystemRecord>(
    `SELECT ${SYSTEM_COLUMNS} FROM "system" s WHERE s.path = ANY($1::text[]) AND ${inScopes("s.path", "$2")}`,
    [paths, scopes],
  );
}

/** The systems with these ids that lie in `scopes`. */
export async function systemsByIds(sql: Sql, ids: readonly number[], scopes: readonly string[]): Promise<SystemRecord[]> {
  if (ids.length === 0) return [];
  return sql.query<SystemRecord>(`SELECT ${SYSTEM_COLUMNS} FROM "system" s WHERE s.id = ANY($1::int[]) AND ${inScopes("s.path", "$2")}`, [
    ids,
    scopes,
  ]);
}

/** The S1 units of these systems that lie in `scopes`, by path. */
export async function unitsOfSystems(sql: Sql, parentIds: readonly number[], scopes: readonly string[]): Promise<SystemRecord[]> {
  if (parentIds.length === 0) return [];
  return sql.query<SystemRecord>(
    `SELECT ${SYSTEM_COLUMNS} FROM "system" s WHERE s.parent_id = ANY($1::int[]) AND ${inScopes("s.path", "$2")} ORDER BY s.path COLLATE "C"`,
    [parentIds, scopes],
  );
}

/** The stored S2–S5 functions of these systems (of those in `scopes`), in kind order. */
export async function functionsOfSystems(sql: Sql, systemIds: readonly number[], scopes: readonly string[]): Promise<FunctionRecord[]> {
  if (systemIds.length === 0) return [];
  return sql.query<FunctionRecord>(
    `SELECT f.system_id AS "systemId", f.kind::text AS kind, f.present, f.owner, f.notes
       FROM "system_function" f JOIN "system" s ON s.id = f.system_id
      WHERE f.system_id = ANY($1::int[]) AND ${inScopes("s.path", "$2")}
      ORDER BY f.system_id, f.kind`,
    [systemIds, scopes],
  );
}

/** The indicators of these systems (of those in `scopes`), by key. */
export async function indicatorsOfSystems(sql: Sql, systemIds: readonly number[], scopes: readonly string[]): Promise<IndicatorRecord[]> {
  if (systemIds.length === 0) return [];
  return sql.query<IndicatorRecord>(
    `SELECT i.system_id AS "systemId", i.key, i.name, i.unit, i.direction::text AS direction, i."index"::text AS "index",
            i.scope::text AS scope, i.family, i.capability, i.potentiality
       FROM "indicator" i JOIN "system" s ON s.id = i.system_id
      WHERE i.system_id = ANY($1::int[]) AND ${inScopes("s.path", "$2")}
      ORDER BY i.system_id, i.key`,
    [systemIds, scopes],
  );
}
