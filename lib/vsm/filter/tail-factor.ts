import { normalCdf } from "@/lib/vsm/filter/normal-cdf";

/**
 * The tail factor (docs/domain.md, "Change tests"): how much heavier than normal a series' tails
 * have proved. Bursts, spikes and zero-heavy counts put far more than the normal share of their
 * standardised deviations beyond a threshold t (the tests use t = 2, where the normal share is
 * 4.55%); the tests then read deviations against the series' own quantile at that rate, not the
 * normal's. The quantile comes from a histogram of |s| beyond t in half-octave bins, with counts that fade with a memory of MEMORY points; it
 * starts with PRIOR points' worth of normal behaviour, so a short burst cannot set it alone.
 *
 * Layout of the histogram array: [total weight, weight of the current point, bins…]; weights
 * grow geometrically instead of every count decaying, and are renormalised when large.
 */

const MEMORY = 10_000;
const PRIOR = 500;
const BINS = 20;
/** Bin k holds |s| in [t·2^(k/2), t·2^((k+1)/2)); the last bin also everything above. */
const HALF_OCTAVE = Math.SQRT2;
const GROWTH = 1 / (1 - 1 / MEMORY);
const RENORMALISE = 1e100;

export const TAIL_SIZE = BINS + 2;

export function emptyTail(): number[] {
  const tail = new Array<number>(TAIL_SIZE).fill(0);
  tail[0] = PRIOR;
  tail[1] = 1;
  return tail;
}

/** Records one standardised deviation (before the tail factor). */
export function learnTail(tail: number[], magnitude: number, threshold: number): void {
  const weight = tail[1]! * GROWTH;
  tail[1] = weight;
  tail[0] = tail[0]! + weight;
  if (magnitude >= threshold) {
    const bin = Math.min(Math.floor(2 * Math.log2(magnitude / threshold)), BINS - 1);
    tail[2 + bin] = tail[2 + bin]! + weight;
  }
  if (weight > RENORMALISE) for (let i = 0; i < TAIL_SIZE; i++) tail[i] = tail[i]! / weight;
}

/**
 * The factor m ≥ 1 by which the threshold must stretch so that the share of deviations beyond
 * m·threshold is the normal share beyond the threshold, 2Φ(−threshold): read from the top bin
 * down, interpolated within the bin on a log scale.
 */
export function tailFactor(tail: readonly number[], threshold: number): number {
  const allowed = 2 * normalCdf(-threshold) * tail[0]!;
  let above = 0;
  for (let bin = BINS - 1; bin >= 0; bin--) {
    const count = tail[2 + bin]!;
    if (above + count > allowed) {
      // Within this bin, the share still allowed sits (above + count − allowed)/count of the way up.
      const within = count > 0 ? (above + count - allowed) / count : 0;
      return Math.pow(HALF_OCTAVE, bin + within);
    }
    above += count;
  }
  return 1;
}
