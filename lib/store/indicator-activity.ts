import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis } from "@/lib/store/sql-time";
import type { IndicatorActivity } from "@/lib/vsm/diagnosis/silence";

/** Points an indicator's usual interval is judged from: its latest ones, so a change of rhythm shows soon. */
const RECENT_POINTS = 20;

/**
 * What the data says of each indicator's rhythm, for the diagnosis of silent indicators
 * (lib/vsm/diagnosis/silence.ts): its latest point and its usual interval, the mean spacing of its
 * latest points. An indicator with fewer than two points has no rhythm yet and is left out: not
 * judged (the domain reports never-reporting indicators only when told when they were expected).
 */
export async function indicatorActivity(sql: Pick<SqlRunner, "query">): Promise<IndicatorActivity[]> {
  const rows = await sql.query<{ system: string; indicator: string; first: number; last: number; n: number }>(
    `SELECT s.path AS system, i.key AS indicator, ${toMillis("r.first")} AS first, ${toMillis("r.last")} AS last, r.n
       FROM "indicator" i
       JOIN "system" s ON s.id = i.system_id
       CROSS JOIN LATERAL (
         SELECT min(t) AS first, max(t) AS last, count(*)::int AS n
           FROM (SELECT o.observed_at AS t FROM "observation" o WHERE o.indicator_id = i.id ORDER BY o.observed_at DESC LIMIT $1) recent
       ) r
      WHERE r.n >= 2 AND r.last > r.first
      ORDER BY s.path, i.key`,
    [RECENT_POINTS],
  );
  return rows.map((r) => ({ system: r.system, indicator: r.indicator, period: (r.last - r.first) / (r.n - 1), lastObservedAt: r.last }));
}
