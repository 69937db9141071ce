import { addPointInto, bucketOfPoint, mergeBucketInto, mergeBuckets, reframe, type Bucket, type Point } from "@/lib/vsm/temporal/bucket";
import { checkBinWidth } from "@/lib/vsm/temporal/binning";
import { bucketStart, type Resolution } from "@/lib/vsm/temporal/resolution";

/**
 * Merges buckets of one resolution by start; the result is sorted by start. Both callers hand it
 * buckets made for this call (each with its own bins), so it merges into them in place.
 */
function mergeByStart(buckets: Iterable<Bucket>): Bucket[] {
  const byStart = new Map<number, Bucket>();
  for (const b of buckets) {
    const existing = byStart.get(b.start);
    byStart.set(b.start, existing ? mergeBucketInto(existing, b) : b);
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/**
 * Raw points into buckets of `resolution` (1-minute by default), sorted by start: each point
 * added in place to its bucket, the same doubles as merging one-point buckets by start.
 */
export function rollUpPoints(points: readonly Point[], binWidth: number, resolution: Resolution = "minute"): Bucket[] {
  checkBinWidth(binWidth);
  const byStart = new Map<number, Bucket>();
  for (const p of points) {
    const bucket = byStart.get(bucketStart(p.at, resolution));
    if (bucket === undefined) {
      const made = bucketOfPoint(p, resolution, binWidth);
      byStart.set(made.start, made);
    } else addPointInto(bucket, p, binWidth);
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** Finer buckets (minutes, hours) into coarser ones (hours, days). */
export function coarsen(buckets: readonly Bucket[], resolution: Resolution): Bucket[] {
  return mergeByStart(buckets.map((b) => reframe(b, resolution)));
}

/** Two lists of one resolution, each sorted by start with unique starts, merged where starts coincide. */
export function mergeBucketLists(existing: readonly Bucket[], incoming: readonly Bucket[]): Bucket[] {
  const merged: Bucket[] = [];
  let i = 0;
  let j = 0;
  while (i < existing.length && j < incoming.length) {
    const a = existing[i]!;
    const b = incoming[j]!;
    if (a.start < b.start) {
      merged.push(a);
      i += 1;
    } else if (b.start < a.start) {
      merged.push(b);
      j += 1;
    } else {
      merged.push(mergeBuckets(a, b));
      i += 1;
      j += 1;
    }
  }
  return merged.concat(existing.slice(i), incoming.slice(j));
}
