import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { ChannelKind } from "@/lib/vsm/model/kinds";

export interface ChannelRow {
  systemId: number;
  kind: ChannelKind;
  unitId: number | null;
  description: string;
}

/*
 * One statement, three disjoint sets of rows: channels of these systems that are not wanted are
 * deleted, wanted ones that exist get their description, the rest are inserted. A channel is
 * identified by its ends (system, kind, unit); the unit is compared through COALESCE(…, 0) (ids
 * start at 1) so that a missing unit matches a missing unit and the joins can still hash.
 */
const REPLACE_CHANNELS = `
WITH wanted AS (
  SELECT system_id, kind::channel_kind AS kind, unit_id, description
    FROM unnest($2::int[], $3::text[], $4::int[], $5::text[]) AS t(system_id, kind, unit_id, description)
), removed AS (
  DELETE FROM "channel" c
   WHERE c.system_id = ANY($1::int[])
     AND NOT EXISTS (SELECT 1 FROM wanted w
                      WHERE w.system_id = c.system_id AND w.kind = c.kind AND COALESCE(w.unit_id, 0) = COALESCE(c.unit_id, 0))
  RETURNING 1
), described AS (
  UPDATE "channel" c SET description = w.description
    FROM wanted w
   WHERE w.system_id = c.system_id AND w.kind = c.kind AND COALESCE(w.unit_id, 0) = COALESCE(c.unit_id, 0)
     AND c.description <> w.description
  RETURNING 1
), created AS (
  INSERT INTO "channel" (system_id, kind, unit_id, description)
  SELECT w.system_id, w.kind, w.unit_id, w.description FROM wanted w
   WHERE NOT EXISTS (SELECT 1 FROM "channel" c
                      WHERE c.system_id = w.system_id AND c.kind = w.kind AND COALESCE(c.unit_id, 0) = COALESCE(w.unit_id, 0))
  RETURNING 1
)
SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM removed)::int AS removed`;

/**
 * Makes the channels of `systemIds` exactly `rows` (each row's system among them), keeping the
 * ones that already exist. Returns how many were created and removed; a changed description is
 * an update, counted as neither.
 */
export async function replaceChannels(
  tx: SqlRunner,
  systemIds: number[],
  rows: ChannelRow[],
): Promise<{ created: number; removed: number }> {
  const [counts] = await tx.query<{ created: number; removed: number }>(REPLACE_CHANNELS, [
    systemIds,
    rows.map((r) => r.systemId),
    rows.map((r) => r.kind),
    rows.map((r) => r.unitId),
    rows.map((r) => r.description),
  ]);
  return { created: counts?.created ?? 0, removed: counts?.removed ?? 0 };
}
