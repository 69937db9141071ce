import "server-only";
import type { UnassignedNameInput } from "@/lib/view/unassigned";
import type { UnassignedCount } from "@/lib/ingest/unassigned";
import { write, type SqlRunner } from "@/lib/store/sql-runner";
import { toCount, toMillis, toTimestamp } from "@/lib/store/sql-time";

/**
 * Adds a batch's unassigned points to the running counts (docs/design.md §4), one statement. No
 * unit or indicator named is stored as an empty string, so the key stays a plain primary key.
 */
export async function countUnassigned(tx: SqlRunner, groups: readonly UnassignedCount[], at: number): Promise<void> {
  if (groups.length === 0) return;
  await write(
    tx,
    `INSERT INTO "unassigned_point" AS u (source, unit_path, indicator_key, reason, count, first_seen, last_seen)
     SELECT source, unit_path, indicator_key, reason, count, ${toTimestamp("$6::float8")}, ${toTimestamp("$6::float8")}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[]) AS g(source, unit_path, indicator_key, reason, count)
     ON CONFLICT (source, unit_path, indicator_key) DO UPDATE SET
       count = u.count + excluded.count, reason = excluded.reason, last_seen = GREATEST(u.last_seen, excluded.last_seen)`,
    [
      groups.map((g) => g.source),
      groups.map((g) => g.unitPath ?? ""),
      groups.map((g) => g.indicatorKey ?? ""),
      groups.map((g) => g.code),
      groups.map((g) => g.count),
      at,
    ],
  );
}

/** A counted name as stored: what the Diagnosis page shows of it (lib/view/unassigned.ts), and its source. */
export interface UnassignedRow extends UnassignedNameInput {
  source: string;
}

/** The names of one source (or every source) that were unassigned, the most recently seen first, at most `limit`. */
export async function listUnassigned(sql: SqlRunner, options: { source?: string; limit?: number } = {}): Promise<UnassignedRow[]> {
  const rows = await sql.query<{
    source: string;
    unit_path: string;
    indicator_key: string;
    reason: string;
    count: string;
    first_seen: number;
    last_seen: number;
  }>(
    `SELECT source, unit_path, indicator_key, reason, count, ${toMillis("first_seen")} AS first_seen, ${toMillis("last_seen")} AS last_seen
       FROM "unassigned_point" WHERE $1::text IS NULL OR source = $1
      ORDER BY last_seen DESC, source, unit_path, indicator_key LIMIT $2`,
    [options.source ?? null, options.limit ?? 500],
  );
  return rows.map((r) => ({
    source: r.source,
    unitPath: r.unit_path === "" ? null : r.unit_path,
    indicatorKey: r.indicator_key === "" ? null : r.indicator_key,
    reason: r.reason,
    count: toCount(r.count),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}

export interface UnassignedTotal {
  source: string;
  /** Points (alerts, for Alertmanager) counted. */
  points: number;
  /** Distinct unit and indicator names they carried (unit and alert name, for Alertmanager). */
  names: number;
  /** Distinct unit paths among them (no unit counts as one). */
  units: number;
}

/** Per source, everything ever counted: what the Diagnosis page's sentence says, however long its list. */
export async function unassignedTotals(sql: SqlRunner): Promise<UnassignedTotal[]> {
  const rows = await sql.query<{ source: string; points: string; names: string; units: string }>(
    `SELECT source, sum(count) AS points, count(*) AS names, count(DISTINCT unit_path) AS units
       FROM "unassigned_point" GROUP BY source ORDER BY source`,
  );
  return rows.map((r) => ({ source: r.source, points: toCount(r.points), names: toCount(r.names), units: toCount(r.units) }));
}
