import "server-only";
import type { IndicatorFields } from "@/lib/store/indicators";
import { inScopes } from "@/lib/store/scope-filter";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toCount, toMillis } from "@/lib/store/sql-time";

type Sql = Pick<SqlRunner, "query">;

/** An indicator of a unit with where its filter stands: the cursor, and the last checkpoint as stored. */
export interface UnitIndicator extends IndicatorFields {
  id: number;
  cursor: { points: number; steppedThrough: number | null } | null;
  checkpoint: { points: number; steppedThrough: number | null; writtenAt: number; state: unknown } | null;
}

interface Row extends IndicatorFields, Record<string, unknown> {
  id: number | null;
  cursor_steps: string | null;
  cursor_through: number | null;
  checkpoint_steps: string | null;
  checkpoint_through: number | null;
  checkpoint_written: number | null;
  state: unknown;
}

/*
 * From the unit, so that a unit with no indicators still answers one row (with a null id) and is
 * told apart from a unit that does not exist or lies outside the reader's subtrees (no row).
 */
const INDICATORS = `
SELECT i.id, i.key, i.name, i.unit, i.direction::text AS direction, i."index"::text AS "index", i.scope::text AS scope,
       i.family, i.capability, i.potentiality,
       c.steps AS cursor_steps, ${toMillis("c.stepped_through")} AS cursor_through,
       k.steps AS checkpoint_steps, ${toMillis("k.stepped_through")} AS checkpoint_through, ${toMillis("k.written_at")} AS checkpoint_written,
       k.state
  FROM "system" s
  LEFT JOIN "indicator" i ON i.system_id = s.id
  LEFT JOIN "filter_cursor" c ON c.indicator_id = i.id
  LEFT JOIN "filter_checkpoint" k ON k.indicator_id = i.id
 WHERE s.path = $1 AND ${inScopes("s.path", "$2")}
 ORDER BY i.key`;

/** The indicators of the unit at `path` if the reader's `scopes` reach it; null when it does not exist or they do not. */
export async function listUnitIndicators(sql: Sql, path: string, scopes: readonly string[]): Promise<UnitIndicator[] | null> {
  const rows = await sql.query<Row>(INDICATORS, [path, scopes]);
  if (rows.length === 0) return null;
  return rows.flatMap((row) => (row.id === null ? [] : [toIndicator({ ...row, id: row.id })]));
}

function toIndicator(row: Row & { id: number }): UnitIndicator {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    index: row.index,
    scope: row.scope,
    family: row.family,
    capability: row.capability,
    potentiality: row.potentiality,
    cursor: row.cursor_steps === null ? null : { points: toCount(row.cursor_steps), steppedThrough: row.cursor_through },
    checkpoint:
      row.checkpoint_steps === null || row.checkpoint_written === null
        ? null
        : {
            points: toCount(row.checkpoint_steps),
            steppedThrough: row.checkpoint_through,
            writtenAt: row.checkpoint_written,
            state: row.state,
          },
  };
}

/** The indicator `key` of the unit at `path`, if the reader's `scopes` reach the unit. */
export async function findUnitIndicator(sql: Sql, path: string, key: string, scopes: readonly string[]): Promise<{ id: number } | null> {
  const [row] = await sql.query<{ id: number }>(
    `SELECT i.id FROM "system" s JOIN "indicator" i ON i.system_id = s.id WHERE s.path = $1 AND i.key = $2 AND ${inScopes("s.path", "$3")}`,
    [path, key, scopes],
  );
  return row ?? null;
}
