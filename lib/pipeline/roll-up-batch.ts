import { coarsen, rollUpPoints } from "@/lib/vsm/temporal/roll-up";
import type { Bucket } from "@/lib/vsm/temporal/bucket";
import { RESOLUTIONS, type Resolution } from "@/lib/vsm/temporal/resolution";

/** One roll-up bucket of one indicator. */
export interface IndicatorBucket {
  indicatorId: number;
  bucket: Bucket;
}

/**
 * The resolutions kept in the `rollup` table. A minute bucket is not stored: telemetry mostly
 * comes a point a minute or slower per series, so a minute bucket would repeat the raw point (and
 * cost the database more to write than the point itself, BENCHMARKS.md); minutes are rolled up
 * from the raw observations when read, which retention keeps at least as long as minute buckets
 * (docs/design.md §5, "Roll-ups").
 */
export const STORED_RESOLUTIONS = ["hour", "day"] as const satisfies readonly Resolution[];
export type StoredResolution = (typeof STORED_RESOLUTIONS)[number];

/**
 * A batch's new points as buckets of `resolutions` per indicator (docs/design.md §3.5), with
 * lib/vsm's roll-up: minutes and hours from the points, days from the hours, which merge exactly.
 */
export function rollUpBatch(
  points: readonly { indicatorId: number; time: number; value: number }[],
  binWidths: ReadonlyMap<number, number>,
  resolutions: readonly Resolution[] = RESOLUTIONS,
): IndicatorBucket[] {
  const byIndicator = new Map<number, { at: number; value: number }[]>();
  for (const p of points) {
    const list = byIndicator.get(p.indicatorId) ?? [];
    list.push({ at: p.time, value: p.value });
    byIndicator.set(p.indicatorId, list);
  }
  const wanted = new Set(resolutions);
  const buckets: IndicatorBucket[] = [];
  for (const [indicatorId, list] of byIndicator) {
    const width = binWidths.get(indicatorId);
    if (width === undefined) throw new Error(`rollUpBatch: no bin width for indicator ${indicatorId}`);
    const minutes = wanted.has("minute") ? rollUpPoints(list, width) : [];
    const hours = wanted.has("hour") || wanted.has("day") ? rollUpPoints(list, width, "hour") : [];
    const days = wanted.has("day") ? coarsen(hours, "day") : [];
    const made = { minute: minutes, hour: hours, day: days };
    for (const resolution of resolutions) for (const bucket of made[resolution]) buckets.push({ indicatorId, bucket });
  }
  return buckets;
}
