import "server-only";
import type { StepMoments } from "@/lib/api/step-buckets";
import { decodeJournal } from "@/lib/pipeline/journal-codec";
import { readJournal } from "@/lib/store/rollup-journal";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import type { Resolution } from "@/lib/vsm/temporal/resolution";

export interface StepQuery {
  indicatorId: number;
  resolution: Resolution;
  /** [from, to), epoch ms, on edges of `resolution`. */
  from: number;
  to: number;
  /** A multiple of the resolution, ms. */
  step: number;
}

/*
 * Buckets summed into steps in the database. Moments merge as in lib/vsm/temporal/moments.ts: M2
 * of a step is Σ M2ᵢ + Σ nᵢ(meanᵢ − mean)², with the step's mean from a window over the same step,
 * so no Σx² ever cancels. `source` yields each bucket's start (ms), count, sum, M2, min and max.
 */
const steps = (source: string) => `
WITH r AS (
  SELECT floor((t - $3::float8) / $5::float8)::int AS k, n, s, m2, lo, hi FROM (${source}) b
), w AS (
  SELECT r.*, sum(s) OVER (PARTITION BY k) / sum(n) OVER (PARTITION BY k) AS mean FROM r
)
SELECT k AS "index", sum(n)::int AS count, sum(s) AS sum, sum(m2 + n * (s / n - mean) ^ 2) AS m2, min(lo) AS min, max(hi) AS max
  FROM w GROUP BY k ORDER BY k`;

/** The stored hour or day buckets of the range. */
const FROM_ROLLUPS = steps(`
  SELECT ${toMillis("bucket_start")} AS t, count AS n, sum AS s, m2, min AS lo, max AS hi FROM "rollup"
   WHERE indicator_id = $1 AND resolution = $2
     AND bucket_start >= ${toTimestamp("$3::float8")} AND bucket_start < ${toTimestamp("$4::float8")}`);

/**
 * Minutes are not stored (lib/pipeline/roll-up-batch.ts): the raw points of the range, each a
 * bucket of one. `$2` (the resolution) is compared so both statements take the same parameters.
 */
const FROM_POINTS = steps(`
  SELECT ${toMillis("observed_at")} AS t, 1 AS n, value AS s, 0::float8 AS m2, value AS lo, value AS hi FROM "observation"
   WHERE indicator_id = $1 AND $2::text = 'minute'
     AND observed_at >= ${toTimestamp("$3::float8")} AND observed_at < ${toTimestamp("$4::float8")}`);

/**
 * An indicator's steps as every committed batch makes them: minutes from the stored points, which
 * commit with their batch; hours and days from the stored roll-ups summed per step in SQL and the
 * points of the roll-up journal not folded in yet (docs/design.md §5, "Roll-ups"), both read in
 * one snapshot so that a fold committing in between is seen whole or not at all.
 */
export async function readObservationSteps(
  sql: SqlRunner,
  query: StepQuery,
): Promise<{ steps: StepMoments[]; pending: { time: number; value: number }[] }> {
  const fromPoints = query.resolution === "minute";
  const { stepped, journal } = await sql.transaction(async (tx) => {
    await tx.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    return {
      stepped: await tx.query<StepMoments & Record<string, unknown>>(fromPoints ? FROM_POINTS : FROM_ROLLUPS, [
        query.indicatorId,
        query.resolution,
        query.from,
        query.to,
        query.step,
      ]),
      journal: fromPoints ? [] : await readJournal(tx),
    };
  });
  const pending = journal.flatMap((bytes) =>
    decodeJournal(bytes).points.filter((p) => p.indicatorId === query.indicatorId && p.time >= query.from && p.time < query.to),
  );
  return { steps: stepped, pending };
}
