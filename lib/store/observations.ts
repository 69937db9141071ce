import "server-only";
import { write, type SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";

/** One point to store: `stepped` when it steps its indicator's filter (docs/design.md §5). */
export interface ObservationRow {
  indicatorId: number;
  time: number;
  value: number;
  stepped: boolean;
}

/** What a batch insert stored beyond what the caller already knows (every row flagged `stepped` was stored, or the insert failed). */
export interface InsertedObservations {
  /** The rows not flagged `stepped` that were new (the rest were already stored). */
  unstepped: { indicatorId: number; time: number; value: number }[];
}

/*
 * The rows that step a filter are new for certain: they come after the indicator's cursor, which
 * the batch holds locked, and storedTimesAfter found none of them stored. They go in with a plain
 * INSERT — no conflict check per row (a duplicate there could only come from a writer bypassing
 * the pipeline, and fails the batch). The rest (late or re-sent points) may be stored already:
 * ON CONFLICT keeps the first, and the outer SELECT folds the RETURNING rows into one row of
 * arrays, the ones that were new.
 */
const INSERT_STEPPED = `
INSERT INTO "observation" (indicator_id, observed_at, value, stepped)
SELECT id, ${toTimestamp("t")}, v, true FROM unnest($1::int[], $2::float8[], $3::float8[]) AS p(id, t, v)`;

const INSERT_OTHERS = `
WITH stored AS (
  INSERT INTO "observation" (indicator_id, observed_at, value, stepped)
  SELECT id, ${toTimestamp("t")}, v, false FROM unnest($1::int[], $2::float8[], $3::float8[]) AS p(id, t, v)
  ON CONFLICT (indicator_id, observed_at) DO NOTHING
  RETURNING indicator_id, observed_at, value
)
SELECT COALESCE(array_agg(indicator_id), '{}') AS ids,
       COALESCE(array_agg(${toMillis("observed_at")}), '{}') AS times,
       COALESCE(array_agg(value), '{}') AS "values"
  FROM stored`;

/**
 * Stores a batch, in one statement when every point steps its filter (the usual in-order batch),
 * two otherwise. A point already stored (same indicator and time) is left as it was: the first
 * value written wins, so a re-sent batch changes nothing.
 */
export async function insertObservations(tx: SqlRunner, rows: readonly ObservationRow[]): Promise<InsertedObservations> {
  const stepped = rows.filter((r) => r.stepped);
  const others = stepped.length === rows.length ? [] : rows.filter((r) => !r.stepped);
  const columns = (list: readonly ObservationRow[]) => [list.map((r) => r.indicatorId), list.map((r) => r.time), list.map((r) => r.value)];
  if (stepped.length > 0) await write(tx, INSERT_STEPPED, columns(stepped));
  if (others.length === 0) return { unstepped: [] };
  const [result] = await tx.query<{ ids: number[]; times: number[]; values: number[] }>(INSERT_OTHERS, columns(others));
  return {
    unstepped: (result?.ids ?? []).map((indicatorId, i) => ({ indicatorId, time: result!.times[i]!, value: result!.values[i]! })),
  };
}

/**
 * The times already stored for each indicator after `after` (epoch ms; null: any time). Points
 * after an indicator's last stepped point are normally new; one that is not (stored before, but
 * never stepped) must not step the filter a second time.
 */
export async function storedTimesAfter(tx: SqlRunner, after: ReadonlyMap<number, number | null>): Promise<Map<number, Set<number>>> {
  const ids = [...after.keys()];
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: number; t: number }>(
    `SELECT o.indicator_id AS id, ${toMillis("o.observed_at")} AS t
       FROM unnest($1::int[], $2::float8[]) AS c(id, after)
       JOIN "observation" o ON o.indicator_id = c.id AND o.observed_at > COALESCE(${toTimestamp("c.after")}, '-infinity')`,
    [ids, ids.map((id) => after.get(id) ?? null)],
  );
  const found = new Map<number, Set<number>>();
  for (const { id, t } of rows) {
    const times = found.get(id) ?? new Set<number>();
    times.add(t);
    found.set(id, times);
  }
  return found;
}

/** A span of one indicator's stepped points to read back: after `from` (exclusive, null: from the start) up to `through`. */
export interface SteppedSpan {
  indicatorId: number;
  from: number | null;
  through: number;
}

/**
 * The stepped points of each span, in time order: what a filter restored from a checkpoint must
 * step again to reach its cursor. One statement for every span of the batch.
 */
export async function steppedPoints(tx: SqlRunner, spans: readonly SteppedSpan[]): Promise<Map<number, { time: number; value: number }[]>> {
  const points = new Map<number, { time: number; value: number }[]>();
  if (spans.length === 0) return points;
  const rows = await tx.query<{ id: number; t: number; v: number }>(
    `SELECT o.indicator_id AS id, ${toMillis("o.observed_at")} AS t, o.value AS v
       FROM unnest($1::int[], $2::float8[], $3::float8[]) AS s(id, "from", through)
       JOIN "observation" o ON o.indicator_id = s.id AND o.stepped
        AND o.observed_at > COALESCE(${toTimestamp('s."from"')}, '-infinity') AND o.observed_at <= ${toTimestamp("s.through")}
      ORDER BY o.indicator_id, o.observed_at`,
    [spans.map((s) => s.indicatorId), spans.map((s) => s.from), spans.map((s) => s.through)],
  );
  for (const { id, t, v } of rows) {
    const list = points.get(id) ?? [];
    list.push({ time: t, value: v });
    points.set(id, list);
  }
  return points;
}

/** The most recent stepped points of one indicator up to `through`, at most `limit`, oldest first: the history a filter is rebuilt from. */
export async function recentSteppedPoints(
  tx: SqlRunner,
  indicatorId: number,
  through: number,
  limit: number,
): Promise<{ time: number; value: number }[]> {
  const rows = await tx.query<{ t: number; v: number }>(
    `SELECT ${toMillis("observed_at")} AS t, value AS v FROM "observation"
      WHERE indicator_id = $1 AND stepped AND observed_at <= ${toTimestamp("$2::float8")}
      ORDER BY observed_at DESC LIMIT $3`,
    [indicatorId, through, limit],
  );
  return rows.reverse().map(({ t, v }) => ({ time: t, value: v }));
}

/** Every stored point of some indicators in [from, to), oldest first, with the bin width their roll-ups use (null before the first batch chose one). */
export interface StoredSeries {
  binWidth: number | null;
  points: { time: number; value: number }[];
}

/** The stored points of `indicatorIds` in [from, to) (epoch ms), stepped or not: what minute buckets are rolled up from (lib/pipeline/read-buckets.ts). */
export async function storedPointsBetween(
  tx: Pick<SqlRunner, "query">,
  indicatorIds: readonly number[],
  from: number,
  to: number,
): Promise<Map<number, StoredSeries>> {
  const rows = await tx.query<{ id: number; t: number; v: number; w: number | null }>(
    `SELECT o.indicator_id AS id, ${toMillis("o.observed_at")} AS t, o.value AS v, c.bin_width AS w
       FROM "observation" o LEFT JOIN "filter_cursor" c ON c.indicator_id = o.indicator_id
      WHERE o.indicator_id = ANY($1::int[]) AND o.observed_at >= ${toTimestamp("$2::float8")} AND o.observed_at < ${toTimestamp("$3::float8")}
      ORDER BY o.indicator_id, o.observed_at`,
    [indicatorIds, from, to],
  );
  const series = new Map<number, StoredSeries>();
  for (const { id, t, v, w } of rows) {
    let one = series.get(id);
    if (one === undefined) series.set(id, (one = { binWidth: w, points: [] }));
    one.points.push({ time: t, value: v });
  }
  return series;
}
