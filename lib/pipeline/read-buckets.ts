import "server-only";
import { decodeJournal, type JournalPoint } from "@/lib/pipeline/journal-codec";
import { rollUpBatch } from "@/lib/pipeline/roll-up-batch";
import { readJournal } from "@/lib/store/rollup-journal";
import { readStoredBuckets } from "@/lib/store/rollups";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { Bucket } from "@/lib/vsm/temporal/bucket";
import type { Resolution } from "@/lib/vsm/temporal/resolution";
import { mergeBucketLists } from "@/lib/vsm/temporal/roll-up";

export interface BucketQuery {
  indicatorIds: readonly number[];
  resolution: Resolution;
  /** Buckets starting in [from, to), epoch ms. */
  from: number;
  to: number;
}

/**
 * The roll-up buckets of some indicators as every committed batch makes them: the stored buckets
 * plus the journal entries not yet folded in (docs/design.md §5, "Roll-ups"). Both are read in one
 * snapshot, so a fold committing in between is seen whole or not at all — never counted twice.
 */
export async function readBuckets(sql: SqlRunner, query: BucketQuery): Promise<Map<number, Bucket[]>> {
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
  for (const { indicatorId, bucket } of rollUpBatch(points, binWidths)) {
    if (bucket.resolution !== query.resolution || bucket.start < query.from || bucket.start >= query.to) continue;
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
