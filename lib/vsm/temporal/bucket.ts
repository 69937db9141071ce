import { addCountsInto, entropyOf } from "@/lib/vsm/entropy";
import { mergeMoments } from "@/lib/vsm/temporal/moments";
import { binOf } from "@/lib/vsm/temporal/binning";
import { bucketStart, RESOLUTION_MS, type Resolution } from "@/lib/vsm/temporal/resolution";
import type { Millis } from "@/lib/vsm/types";

/** An observation of one indicator. */
export type Point = { at: Millis; value: number };

/**
 * One roll-up bucket: sufficient statistics that merge exactly (moments, extremes, bin counts), so
 * a coarse bucket built from fine buckets holds what one built from the raw points would.
 */
export type Bucket = {
  resolution: Resolution;
  start: Millis;
  count: number;
  sum: number;
  /** Σ(x − mean)²: the sum of squares about the bucket's mean (see moments.ts). */
  m2: number;
  min: number;
  max: number;
  /** Σ (t − start) over the points: their mean time, for trend fits that weigh where points fell. */
  offsetSum: number;
  /** Value-bin counts (see binning.ts) for the entropy of the values. */
  bins: Record<string, number>;
};

export function bucketOfPoint(point: Point, resolution: Resolution, binWidth: number): Bucket {
  if (!(Number.isFinite(point.at) && Number.isFinite(point.value))) {
    throw new RangeError(`a point needs a finite time and value, got (${point.at}, ${point.value})`);
  }
  const start = bucketStart(point.at, resolution);
  const v = point.value;
  return { resolution, start, count: 1, sum: v, m2: 0, min: v, max: v, offsetSum: point.at - start, bins: { [binOf(v, binWidth)]: 1 } };
}

/**
 * Adds one point to a bucket in place, with the arithmetic of mergeBucketInto(bucket,
 * bucketOfPoint(point)) — the same doubles — but without making a bucket for the point: rolling a
 * day of points into hours then allocates per bucket, not per point.
 */
export function addPointInto(bucket: Bucket, point: Point, binWidth: number): Bucket {
  const { at, value: v } = point;
  if (!(Number.isFinite(at) && Number.isFinite(v))) throw new RangeError(`a point needs a finite time and value, got (${at}, ${v})`);
  if (bucketStart(at, bucket.resolution) !== bucket.start) {
    throw new RangeError(`the point at ${at} is not in the ${bucket.resolution} bucket at ${bucket.start}`);
  }
  // mergeMoments with a count of one: delta = v / 1 − mean, M2 += delta² · n · 1 / (n + 1).
  const delta = v - bucket.sum / bucket.count;
  bucket.m2 += (delta * delta * bucket.count) / (bucket.count + 1);
  bucket.count += 1;
  bucket.sum += v;
  bucket.min = Math.min(bucket.min, v);
  bucket.max = Math.max(bucket.max, v);
  bucket.offsetSum += at - bucket.start;
  const key = binOf(v, binWidth);
  bucket.bins[key] = (bucket.bins[key] ?? 0) + 1;
  return bucket;
}

/** The same points seen at a coarser resolution (the bucket's start moves back to the coarse edge). */
export function reframe(bucket: Bucket, resolution: Resolution): Bucket {
  if (RESOLUTION_MS[resolution] < RESOLUTION_MS[bucket.resolution]) {
    throw new RangeError(`cannot reframe a ${bucket.resolution} bucket as ${resolution}: roll-ups only coarsen`);
  }
  const start = bucketStart(bucket.start, resolution);
  // Its own bins, never shared with the finer bucket: a bucket may then be merged into in place.
  return { ...bucket, resolution, start, offsetSum: bucket.offsetSum + bucket.count * (bucket.start - start), bins: { ...bucket.bins } };
}

/** Two buckets of the same series, resolution and start as one. */
export function mergeBuckets(a: Bucket, b: Bucket): Bucket {
  return mergeBucketInto({ ...a, bins: { ...a.bins } }, b);
}

/**
 * mergeBuckets in place: `a` becomes the merged bucket. For a caller that owns `a` (a stored
 * bucket read for this merge), so a large bucket takes a small one without being copied.
 */
export function mergeBucketInto(a: Bucket, b: Bucket): Bucket {
  if (a.resolution !== b.resolution || a.start !== b.start) {
    throw new RangeError(`cannot merge the ${a.resolution} bucket at ${a.start} with the ${b.resolution} bucket at ${b.start}`);
  }
  const { count, sum, m2 } = mergeMoments(a, b);
  a.count = count;
  a.sum = sum;
  a.m2 = m2;
  a.min = Math.min(a.min, b.min);
  a.max = Math.max(a.max, b.max);
  a.offsetSum += b.offsetSum;
  addCountsInto(a.bins, b.bins);
  return a;
}

export function bucketMean(b: Bucket): number {
  return b.sum / b.count;
}

/** Mean time of the bucket's points. */
export function bucketTime(b: Bucket): Millis {
  return b.start + b.offsetSum / b.count;
}

/** Entropy in bits of the bucket's values, discretised into the series' bins. */
export function bucketEntropy(b: Bucket): number {
  return entropyOf(b.bins);
}
