import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { IndexKind } from "@/lib/vsm/model/kinds";
import type { Direction } from "@/lib/vsm/types";

/** What the pipeline needs of one indicator: where it is and how to filter it. */
export interface IndicatorTarget {
  id: number;
  unitPath: string;
  key: string;
  direction: Direction;
  kind: IndexKind;
  family: string | null;
  capability: number | null;
  potentiality: number | null;
}

const COLUMNS = `i.id, s.path AS unit_path, i.key, i.direction::text AS direction, i."index"::text AS kind, i.family, i.capability, i.potentiality`;

type TargetRow = {
  id: number;
  unit_path: string;
  key: string;
  direction: Direction;
  kind: IndexKind;
  family: string | null;
  capability: number | null;
  potentiality: number | null;
};

const toTarget = (r: TargetRow): IndicatorTarget => ({
  id: r.id,
  unitPath: r.unit_path,
  key: r.key,
  direction: r.direction,
  kind: r.kind,
  family: r.family,
  capability: r.capability,
  potentiality: r.potentiality,
});

/** The indicators named by (unit path, key), in one statement; names the model lacks are absent. */
export async function indicatorsByName(sql: SqlRunner, names: readonly { unitPath: string; key: string }[]): Promise<IndicatorTarget[]> {
  if (names.length === 0) return [];
  const rows = await sql.query<TargetRow>(
    `SELECT ${COLUMNS} FROM unnest($1::text[], $2::text[]) AS n(path, key)
       JOIN "system" s ON s.path = n.path JOIN "indicator" i ON i.system_id = s.id AND i.key = n.key`,
    [names.map((n) => n.unitPath), names.map((n) => n.key)],
  );
  return rows.map(toTarget);
}

/** The indicators with these ids, with their unit's path (so the caller can check the unit it was told). */
export async function indicatorsById(sql: SqlRunner, ids: readonly number[]): Promise<IndicatorTarget[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<TargetRow>(
    `SELECT ${COLUMNS} FROM "indicator" i JOIN "system" s ON s.id = i.system_id WHERE i.id = ANY($1::int[])`,
    [ids],
  );
  return rows.map(toTarget);
}

/** Which of these paths are units of the model. */
export async function knownUnits(sql: SqlRunner, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const rows = await sql.query<{ path: string }>(`SELECT path FROM "system" WHERE path = ANY($1::text[])`, [paths]);
  return new Set(rows.map((r) => r.path));
}
