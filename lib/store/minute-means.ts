import "server-only";
import { readBuckets } from "@/lib/pipeline/read-buckets";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { SeriesRequest } from "@/lib/vsm/diagnosis/diagnose-series";
import { bucketMean, type Point } from "@/lib/vsm/temporal/bucket";

/**
 * The minute means of the requested indicators, by unit path, then key: one point per minute that
 * has data, at the minute's start, so siblings' series pair up by time. Read from the roll-ups
 * with the journal not yet folded in (lib/pipeline/read-buckets.ts), so every committed point
 * counts exactly once. One statement names all the indicators, then one snapshot read per distinct
 * window (the diagnosis asks for two), whatever the number of indicators. Indicators the model
 * lacks, and those without data in their window, are absent.
 */
export async function readMinuteMeans(sql: SqlRunner, requests: readonly SeriesRequest[]): Promise<Map<string, Map<string, Point[]>>> {
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
      const buckets = await readBuckets(sql, { indicatorIds: wanted.map((w) => w.id), resolution: "minute", from, to });
      for (const { request, id } of wanted) {
        const list = buckets.get(id);
        if (list === undefined) continue;
        const byKey = series.get(request.unit) ?? new Map<string, Point[]>();
        byKey.set(
          request.key,
          list.map((b) => ({ at: b.start, value: bucketMean(b) })),
        );
        series.set(request.unit, byKey);
      }
    }),
  );
  return series;
}
