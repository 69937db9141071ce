import "server-only";
import type { CumulativePoint } from "@/lib/ingest/cumulative-rate";
import { write, type SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";

/** The last stored point of each named counter series (docs/telemetry-in.md, "Counters become rates"). */
export async function readCounterMemory(sql: SqlRunner, series: readonly string[]): Promise<Map<string, CumulativePoint>> {
  const memory = new Map<string, CumulativePoint>();
  if (series.length === 0) return memory;
  const rows = await sql.query<{ series: string; time: number; value: number; start: number | null }>(
    `SELECT series, ${toMillis("time")} AS time, value, ${toMillis("start")} AS start FROM "counter_memory" WHERE series = ANY($1::text[])`,
    [series],
  );
  for (const row of rows)
    memory.set(
      row.series,
      row.start === null ? { time: row.time, value: row.value } : { time: row.time, value: row.value, start: row.start },
    );
  return memory;
}

/**
 * Keeps the newest point of each series. A slower request that carries an older point (a retry
 * racing a newer batch on another instance) never moves a series' memory backwards.
 */
export async function writeCounterMemory(tx: SqlRunner, memory: ReadonlyMap<string, CumulativePoint>): Promise<void> {
  if (memory.size === 0) return;
  const entries = [...memory];
  await write(
    tx,
    `INSERT INTO "counter_memory" AS m (series, time, value, start, updated_at)
     SELECT series, ${toTimestamp("time")}, value, ${toTimestamp("start")}, now()
       FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[]) AS p(series, time, value, start)
     ON CONFLICT (series) DO UPDATE SET time = excluded.time, value = excluded.value, start = excluded.start, updated_at = now()
      WHERE m.time <= excluded.time`,
    [
      entries.map(([series]) => series),
      entries.map(([, p]) => p.time),
      entries.map(([, p]) => p.value),
      entries.map(([, p]) => p.start ?? null),
    ],
  );
}
