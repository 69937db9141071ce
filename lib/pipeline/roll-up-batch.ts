import { coarsen, rollUpPoints } from "@/lib/vsm/temporal/roll-up";
import type { Bucket } from "@/lib/vsm/temporal/bucket";

/** One roll-up bucket of one indicator. */
export interface IndicatorBucket {
  indicatorId: number;
  bucket: Bucket;
}

/**
 * A batch's new points as minute, hour and day buckets per indicator (docs/design.md §3.5), with
 * lib/vsm's roll-up: hours are built from the minutes and days from the hours, which merge exactly.
 */
export function rollUpBatch(
  points: readonly { indicatorId: number; time: number; value: number }[],
  binWidths: ReadonlyMap<number, number>,
): IndicatorBucket[] {
  const byIndicator = new Map<number, { at: number; value: number }[]>();
  for (const p of points) {
    const list = byIndicator.get(p.indicatorId) ?? [];
    list.push({ at: p.time, value: p.value });
    byIndicator.set(p.indicatorId, list);
  }
  const buckets: IndicatorBucket[] = [];
  for (const [indicatorId, list] of byIndicator) {
    const width = binWidths.get(indicatorId);
    if (width === undefined) throw new Error(`rollUpBatch: no bin width for indicator ${indicatorId}`);
    const minutes = rollUpPoints(list, width);
    const hours = coarsen(minutes, "hour");
    const days = coarsen(hours, "day");
    for (const bucket of [...minutes, ...hours, ...days]) buckets.push({ indicatorId, bucket });
  }
  return buckets;
}
