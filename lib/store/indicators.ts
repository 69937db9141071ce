import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { IndexKind, IndicatorScope } from "@/lib/vsm/model/kinds";
import type { Direction } from "@/lib/vsm/types";

/** What the model says of an indicator: the model file's fields, as the store holds them. */
export interface IndicatorFields {
  key: string;
  name: string;
  unit: string;
  direction: Direction;
  index: IndexKind;
  scope: IndicatorScope;
  family: string | null;
  capability: number | null;
  potentiality: number | null;
}

export interface IndicatorRow extends IndicatorFields {
  systemId: number;
}

/*
 * As for systems: `existing` sees the table as it was before the insert, so the count of joined
 * rows is the number updated. Enums travel as text[] (PGlite serialises only built-in arrays).
 */
const UPSERT_INDICATORS = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::float8[])
    AS t(system_id, key, name, unit, direction, index_kind, scope, family, capability, potentiality)
), existing AS (
  SELECT i.system_id, i.key FROM "indicator" i JOIN input USING (system_id, key)
), upserted AS (
  INSERT INTO "indicator" (system_id, key, name, unit, direction, "index", scope, family, capability, potentiality)
  SELECT system_id, key, name, unit, direction::direction, index_kind::index_kind, scope::indicator_scope, family, capability, potentiality
    FROM input
  ON CONFLICT (system_id, key) DO UPDATE SET
    name = excluded.name, unit = excluded.unit, direction = excluded.direction, "index" = excluded."index",
    scope = excluded.scope, family = excluded.family, capability = excluded.capability, potentiality = excluded.potentiality
  RETURNING system_id, key
)
SELECT count(*)::int AS total, count(e.key)::int AS updated FROM upserted u LEFT JOIN existing e USING (system_id, key)`;

/** Creates or updates indicators, matched by system and key, in one statement. */
export async function upsertIndicators(tx: SqlRunner, rows: IndicatorRow[]): Promise<{ created: number; updated: number }> {
  const [counts] = await tx.query<{ total: number; updated: number }>(UPSERT_INDICATORS, [
    rows.map((r) => r.systemId),
    rows.map((r) => r.key),
    rows.map((r) => r.name),
    rows.map((r) => r.unit),
    rows.map((r) => r.direction),
    rows.map((r) => r.index),
    rows.map((r) => r.scope),
    rows.map((r) => r.family),
    rows.map((r) => r.capability),
    rows.map((r) => r.potentiality),
  ]);
  return { created: (counts?.total ?? 0) - (counts?.updated ?? 0), updated: counts?.updated ?? 0 };
}
