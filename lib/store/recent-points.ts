import "server-only";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import type { SeriesRequest } from "@/lib/vsm/diagnosis/diagnose-series";
import type { Point } from "@/lib/vsm/temporal/bucket";

/**
 * How many of a series' latest points the diagnosis reads: a day of points a minute apart, six
 * hours of points fifteen seconds apart, the last 24 minutes of points a second apart. Enough for
 * the detectors to see several cycles and a mean drift; bounded, so a fast sender cannot make the
 * Diagnosis page read millions of rows.
 */
export const RECENT_POINTS = 1_440;

/**
 * The latest stored points (at most `limit`) of the requested indicators within each request's
 * window, oldest first, by unit path, then key. Raw observations rather than minute means: the S2
 * detectors need the series' own sampling — a cycle of a minute or less vanishes in minute means —
 * and siblings sent at the same instants pair up exactly. One statement names all the
 * indicators, then one per distinct window (the diagnosis asks for two), each reading every
 * indicator's latest points down its (indicator, time) key. Indicators the model lacks, and those
 * without points in their window, are absent.
 */
export async function readRecentPoints(
  sql: SqlRunner,
  requests: readonly SeriesRequest[],
  limit = RECENT_POINTS,
): Promise<Map<string, Map<string, Point[]>>> {
  const series = new Map<string, Map<string, Point[]>>();
  if (requests.length === 0) return series;
  const targets = await indicatorsByName(
    sql,
    requests.map((r) => ({ unitPath: r.unit, key: r.key })),
  );
  const idOf = new Map(targets.map((t) => [`${t.unitPath}\n${t.key}`, t.id]));
  const byWindow = new Map<string, { from: number; to: number; wanted: { request: SeriesRequest; id: number }[] }>();
  for (const request of requests) {
    const id = idOf.get(`${request.unit}\n${request.key}`);
    if (id === undefined) continue;
    const { from, to } = request.window;
    const group = byWindow.get(`${from} ${to}`) ?? { from, to, wanted: [] };
    group.wanted.push({ request, id });
    byWindow.set(`${from} ${to}`, group);
  }
  await Promise.all(
    [...byWindow.values()].map(async ({ from, to, wanted }) => {
      const rows = await sql.query<{ id: number; at: number; value: number }>(
        `SELECT w.id, ${toMillis("o.observed_at")} AS at, o.value
           FROM unnest($1::int[]) AS w(id)
           CROSS JOIN LATERAL (
             SELECT observed_at, value FROM "observation"
              WHERE indicator_id = w.id AND observed_at >= ${toTimestamp("$2::float8")} AND observed_at < ${toTimestamp("$3::float8")}
              ORDER BY observed_at DESC LIMIT $4
           ) o`,
        [wanted.map((w) => w.id), from, to, limit],
      );
      const pointsOf = new Map<number, Point[]>();
      for (const row of rows) pointsOf.set(row.id, [...(pointsOf.get(row.id) ?? []), { at: row.at, value: row.value }]);
      for (const { request, id } of wanted) {
        const points = pointsOf.get(id);
        if (points === undefined) continue;
        const byKey = series.get(request.unit) ?? new Map<string, Point[]>();
        byKey.set(
          request.key,
          points.sort((a, b) => a.at - b.at),
        );
        series.set(request.unit, byKey);
      }
    }),
  );
  return series;
}
