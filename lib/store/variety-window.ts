import "server-only";
import { readSignals } from "@/lib/store/signals";
import { silencesActiveSince } from "@/lib/store/silences";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toTimestamp } from "@/lib/store/sql-time";
import type { IndicatorScope, VarietyInput, VarietySystem } from "@/lib/view/variety-input";
import type { TimeWindow } from "@/lib/vsm/time-window";

type Sql = Pick<SqlRunner, "query">;

/**
 * The signals that matter to a window (lib/view/variety-input.ts): raised before it ended, and
 * running at some time within it or with a timeline entry in it. Each with its indicator's scope.
 */
const WINDOW_SIGNALS = `
SELECT s.id, i.scope::text AS scope
  FROM "signal" s LEFT JOIN "indicator" i ON i.id = s.indicator_id
 WHERE s.raised_at < ${toTimestamp("$2::float8")}
   AND (s.closed_at IS NULL OR s.closed_at >= ${toTimestamp("$1::float8")}
        OR EXISTS (SELECT 1 FROM "signal_event" e
                    WHERE e.signal_id = s.id AND e.at >= ${toTimestamp("$1::float8")} AND e.at < ${toTimestamp("$2::float8")}))`;

function scopeOf(value: string | null): IndicatorScope | null {
  return value === "environment" || value === "operations" ? value : null;
}

/**
 * Everything the Variety page computes from, for every tree at once, in four set-based reads
 * (systems, the window's signal ids, those signals with their timelines, silences), however many
 * systems and signals there are.
 */
export async function readVarietyWindow(sql: Sql, window: TimeWindow): Promise<VarietyInput> {
  const [systems, ids, silences] = await Promise.all([
    sql.query<VarietySystem & Record<string, unknown>>(
      `SELECT id, parent_id AS "parentId", path, level, name, policy FROM "system" ORDER BY level, path`,
    ),
    sql.query<{ id: string; scope: string | null }>(WINDOW_SIGNALS, [window.from, window.to]),
    silencesActiveSince(sql, window.from),
  ]);
  const scopes = new Map(ids.map((row) => [row.id, scopeOf(row.scope)]));
  const signals = await readSignals(
    sql,
    ids.map((row) => row.id),
  );
  return { window, systems, signals: signals.map((signal) => ({ signal, scope: scopes.get(signal.id) ?? null })), silences };
}
