import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toCount, toMillis, toTimestamp } from "@/lib/store/sql-time";
import type { Bucket } from "@/lib/vsm/temporal/bucket";
import type { Resolution } from "@/lib/vsm/temporal/resolution";

/** One roll-up bucket of one indicator (docs/design.md §3.5). */
export interface RollupRow {
  indicatorId: number;
  bucket: Bucket;
}

interface BucketRecord extends Record<string, unknown> {
  id: number;
  resolution: Resolution;
  start: number;
  count: number;
  sum: number;
  m2: number;
  min: number;
  max: number;
  offset_sum: number;
  bins: Record<string, number>;
}

const BUCKET_COLUMNS = `r.indicator_id AS id, r.resolution, ${toMillis("r.bucket_start")} AS start, r.count, r.sum, r.m2, r.min, r.max, r.offset_sum, r.bins`;

function toRow(r: BucketRecord): RollupRow {
  const { id, resolution, start, count, sum, m2, min, max, offset_sum: offsetSum, bins } = r;
  return { indicatorId: id, bucket: { resolution, start, count, sum, m2, min, max, offsetSum, bins } };
}

/**
 * The stored buckets with the same indicator, resolution and start as `keys`.
 */
export async function readRollups(tx: SqlRunner, keys: readonly RollupRow[]): Promise<RollupRow[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query<BucketRecord>(
    `SELECT ${BUCKET_COLUMNS}
       FROM unnest($1::int[], $2::text[], $3::float8[]) AS k(id, resolution, start)
       JOIN "rollup" r ON r.indicator_id = k.id AND r.resolution = k.resolution AND r.bucket_start = ${toTimestamp("k.start")}`,
    [keys.map((k) => k.indicatorId), keys.map((k) => k.bucket.resolution), keys.map((k) => k.bucket.start)],
  );
  return rows.map(toRow);
}

/**
 * The stored buckets of one resolution starting in [from, to), per indicator, by start: what has
 * been folded in (lib/pipeline/read-buckets.ts adds what has not).
 */
export async function readStoredBuckets(
  tx: Pick<SqlRunner, "query">,
  query: { indicatorIds: readonly number[]; resolution: Resolution; from: number; to: number },
): Promise<Map<number, Bucket[]>> {
  const rows = await tx.query<BucketRecord>(
    `SELECT ${BUCKET_COLUMNS} FROM "rollup" r
      WHERE r.indicator_id = ANY($1::int[]) AND r.resolution = $2
        AND r.bucket_start >= ${toTimestamp("$3::float8")} AND r.bucket_start < ${toTimestamp("$4::float8")}
      ORDER BY r.indicator_id, r.bucket_start`,
    [query.indicatorIds, query.resolution, query.from, query.to],
  );
  const byIndicator = new Map<number, Bucket[]>();
  for (const { indicatorId, bucket } of rows.map(toRow)) {
    const list = byIndicator.get(indicatorId) ?? [];
    list.push(bucket);
    byIndicator.set(indicatorId, list);
  }
  return byIndicator;
}

/**
 * Adds buckets to the stored ones, in one statement: a new bucket is inserted, one that
 * exists is merged in the database (ON CONFLICT) with the formulas of lib/vsm's mergeBucketInto —
 * moments by Chan's parallel update, in the same order of operations so the result is the same
 * double, min/max, offsets, and bin counts added key by key. Merging there rather than here spares
 * reading a day's large bins into this process and writing them back for every batch
 * (BENCHMARKS.md); rollups.int.test.ts holds the two merges equal. Called by the journal's fold
 * under its lock (lib/pipeline/materialize-rollups.ts), so no other merge into the same buckets
 * runs at the same time.
 */
export async function mergeRollups(tx: Pick<SqlRunner, "query">, rows: readonly RollupRow[]): Promise<void> {
  await upsertBuckets(
    tx,
    rows,
    `count = r.count + excluded.count,
       sum = r.sum + excluded.sum,
       m2 = r.m2 + excluded.m2 + ((excluded.sum / excluded.count::float8 - r.sum / r.count::float8)
              * (excluded.sum / excluded.count::float8 - r.sum / r.count::float8) * r.count::float8 * excluded.count::float8)
              / (r.count + excluded.count)::float8,
       min = least(r.min, excluded.min),
       max = greatest(r.max, excluded.max),
       offset_sum = r.offset_sum + excluded.offset_sum,
       -- Only the batch's few keys are looked up and added; the stored object is concatenated, not
       -- taken apart and rebuilt, which for a day's many bins cost more than all the rest.
       bins = r.bins || coalesce((SELECT jsonb_object_agg(key, value::bigint + coalesce((r.bins ->> key)::bigint, 0))
                                    FROM jsonb_each_text(excluded.bins)), '{}'::jsonb)`,
  );
}

/**
 * Writes buckets as given, over any stored ones with the same key: for buckets already merged by
 * the caller (materialize-rollups.ts, when the database's merge would overflow a double).
 */
export async function replaceRollups(tx: Pick<SqlRunner, "query">, rows: readonly RollupRow[]): Promise<void> {
  await upsertBuckets(
    tx,
    rows,
    `count = excluded.count, sum = excluded.sum, m2 = excluded.m2, min = excluded.min, max = excluded.max,
       offset_sum = excluded.offset_sum, bins = excluded.bins`,
  );
}

/** Inserts buckets in one statement; a bucket already stored (alias `r`) is updated by `onConflict`. */
async function upsertBuckets(tx: Pick<SqlRunner, "query">, rows: readonly RollupRow[], onConflict: string): Promise<void> {
  if (rows.length === 0) return;
  const b = rows.map((r) => r.bucket);
  // The bins go as one JSON array, matched to the rows by position: a text[] of JSON documents
  // would have every quote in them escaped, element by element, on the way out.
  await tx.query(
    `INSERT INTO "rollup" AS r (indicator_id, resolution, bucket_start, count, sum, m2, min, max, offset_sum, bins)
     SELECT id, resolution, ${toTimestamp("start")}, count, sum, m2, min, max, offset_sum, b.bins
       FROM unnest($1::int[], $2::text[], $3::float8[], $4::int[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::float8[])
              WITH ORDINALITY AS n(id, resolution, start, count, sum, m2, min, max, offset_sum, n)
       JOIN jsonb_array_elements($10::jsonb) WITH ORDINALITY AS b(bins, n) USING (n)
     ON CONFLICT (indicator_id, resolution, bucket_start) DO UPDATE SET
       ${onConflict}`,
    [
      rows.map((r) => r.indicatorId),
      b.map((x) => x.resolution),
      b.map((x) => x.start),
      b.map((x) => x.count),
      b.map((x) => x.sum),
      b.map((x) => x.m2),
      b.map((x) => x.min),
      b.map((x) => x.max),
      b.map((x) => x.offsetSum),
      JSON.stringify(b.map((x) => x.bins)),
    ],
  );
}

/** Deletes the buckets of each resolution given that start before its cutoff (epoch ms). Returns how many went, per resolution. */
export async function pruneRollups<R extends Resolution>(sql: SqlRunner, cutoffs: Readonly<Record<R, number>>): Promise<Record<R, number>> {
  const resolutions = Object.keys(cutoffs) as R[];
  const rows = await sql.query<{ resolution: R; removed: string }>(
    `WITH removed AS (
       DELETE FROM "rollup" r USING unnest($1::text[], $2::float8[]) AS c(resolution, cutoff)
        WHERE r.resolution = c.resolution AND r.bucket_start < ${toTimestamp("c.cutoff")} RETURNING r.resolution)
     SELECT resolution, count(*) AS removed FROM removed GROUP BY resolution`,
    [resolutions, resolutions.map((r) => cutoffs[r])],
  );
  const removed = Object.fromEntries(resolutions.map((r) => [r, 0])) as Record<R, number>;
  for (const row of rows) removed[row.resolution] = toCount(row.removed);
  return removed;
}
