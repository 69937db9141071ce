import "server-only";
import { chooseBinWidth } from "@/lib/pipeline/bin-width";
import { decodeJournal, type JournalPoint } from "@/lib/pipeline/journal-codec";
import { rollUpBatch } from "@/lib/pipeline/roll-up-batch";
import { storedPointsBetween } from "@/lib/store/observations";
import { readJournal } from "@/lib/store/rollup-journal";
import { readStoredBuckets } from "@/lib/store/rollups";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { Bucket } from "@/lib/vsm/temporal/bucket";
import type { Resolution } from "@/lib/vsm/temporal/resolution";
import { MINUTE } from "@/lib/vsm/types";
import { mergeBucketLists, rollUpPoints } from "@/lib/vsm/temporal/roll-up";

export interface BucketQuery {
  indicatorIds: readonly number[];
  resolution: Resolution;
  /** Buckets starting in [from, to), epoch ms. */
  from: number;
  to: number;
}

/**
 * The roll-up buckets of some indicators as every committed batch makes them (docs/design.md §5,
 * "Roll-ups"). Minutes are rolled up from the stored points themselves, which every batch commits
 * with its transaction; hours and days are the stored buckets plus the journal entries not yet
 * folded in, both read in one snapshot, so a fold committing in between is seen whole or not at
 * all — never counted twice.
 */
export async function readBuckets(sql: SqlRunner, query: BucketQuery): Promise<Map<number, Bucket[]>> {
  if (query.resolution === "minute") return readMinutes(sql, query);
  const { stored, journal } = await sql.transaction(async (tx) => {
    await tx.query(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    return { stored: await readStoredBuckets(tx, query), journal: await readJournal(tx) };
  });
  const wanted = new Set(query.indicatorIds);
  const points: JournalPoint[] = [];
  const binWidths = new Map<number, number>();
  for (const entry of journal.map(decodeJournal)) {
    for (const p of entry.points) if (wanted.has(p.indicatorId)) points.push(p);
    for (const [id, width] of entry.binWidths) if (wanted.has(id)) binWidths.set(id, width);
  }
  const pending = new Map<number, Bucket[]>();
  for (const { indicatorId, bucket } of rollUpBatch(points, binWidths, [query.resolution])) {
    if (bucket.start < query.from || bucket.start >= query.to) continue;
    const list = pending.get(indicatorId) ?? [];
    list.push(bucket);
    pending.set(indicatorId, list);
  }
  const result = new Map<number, Bucket[]>();
  for (const id of query.indicatorIds) {
    const buckets = mergeBucketLists(stored.get(id) ?? [], pending.get(id) ?? []);
    if (buckets.length > 0) result.set(id, buckets);
  }
  return result;
}

/** Minute buckets from the stored points, with each indicator's bin width (as the pipeline would choose it, before its first batch chose one). */
async function readMinutes(sql: SqlRunner, query: BucketQuery): Promise<Map<number, Bucket[]>> {
  // The points of the minutes that start in [from, to).
  const edge = (at: number) => Math.ceil(at / MINUTE) * MINUTE;
  const series = await storedPointsBetween(sql, query.indicatorIds, edge(query.from), edge(query.to));
  const result = new Map<number, Bucket[]>();
  for (const id of query.indicatorIds) {
    const one = series.get(id);
    if (one === undefined) continue;
    const width = one.binWidth ?? chooseBinWidth(one.points.map((p) => p.value));
    result.set(
      id,
      rollUpPoints(
        one.points.map((p) => ({ at: p.time, value: p.value })),
        width,
      ),
    );
  }
  return result;
}
