import type { NoiseState } from "@/lib/vsm/filter/schemas";

/**
 * How the filter learns the noise it filters (docs/domain.md, "Noise"): the variance scale V,
 * the data's resolution (the floor under V) and the noise's lag-one autocorrelation.
 */

/**
 * A point's standardised squared residual counts for at most this much when V learns: enough for
 * V to grow fourfold in a handful of points when the warm-up underestimated it, while one extreme
 * value (1e200, a counter's 2^64 − 1) can raise V by a bounded factor only.
 */
export const LEARNING_CAP = 25;
/**
 * Differences smaller than this fraction of the values' magnitude are rounding of the floating
 * point representation, not of the data: they never set the resolution. It also keeps V above
 * the precision the numbers can carry (a constant series has no other floor).
 */
const PRECISION = 1e-12;
/** Smallest V of a series that is exactly zero: a guard against underflow, far below any data's noise. */
const TINIEST = 1e-300;
/** Per point, the weight the autocorrelation's sums give to the newest pair (memory about 100 points). */
const LAG_RATE = 0.01;
/** The autocorrelation starts at 0 with this many points' worth of evidence, so a short stretch cannot set it. */
const LAG_PRIOR = 20;
/** Residuals enter the autocorrelation's sums clipped at this many √V, so an outlier does not set it. */
const LAG_CLIP = 4;
/** Highest autocorrelation used: beyond it the noise is better described as a moving level. */
const MAX_AUTOCORRELATION = 0.95;
/** Intervals longer than this many typical ones say little about lag-one correlation; they are not learnt from. */
const REGULAR = 1.5;

/**
 * The smallest V the data allow. Quantised data (counts, rounded readings) cannot show noise finer
 * than half a step of their resolution: a change of one quantum is then a 2 sd event, not a surprise.
 */
export function varianceFloor(noise: NoiseState, magnitude: number): number {
  const quantum = noise.resolution / 2;
  return Math.max(quantum * quantum, (PRECISION * magnitude) ** 2, TINIEST);
}

/**
 * Learns V from this point's standardised squared residual z² (against the steady predictive),
 * one point late: the previous point's z² enters now, so a surprising point cannot lower the
 * surprise of the next one, the second point of a step. West & Harrison's update
 * V ← V·(1 + (z² − 1)/n), with n discounted by (1 − rate) and grown by one per point, from every
 * point (not only steady ones: those that look like changes are exactly what shows heavier noise).
 */
export function learnVariance(noise: NoiseState, z2: number, learningRate: number, magnitude: number): void {
  if (noise.pending >= 0) {
    const dof = (1 - learningRate) * noise.dof + 1;
    noise.dof = dof;
    noise.variance = Math.max(varianceFloor(noise, magnitude), noise.variance * (1 + (noise.pending - 1) / dof));
  }
  noise.pending = z2 < LEARNING_CAP ? z2 : LEARNING_CAP;
}

/** Records the data's resolution: the smallest difference between two distinct values seen so far. */
export function learnResolution(noise: NoiseState, value: number, previous: number): void {
  const difference = Math.abs(value - previous);
  if (difference <= PRECISION * Math.max(Math.abs(value), Math.abs(previous))) return;
  if (noise.resolution === 0 || difference < noise.resolution) noise.resolution = difference;
}

/**
 * Learns the lag-one autocorrelation ρ of the noise about the level: the regression of this
 * point's deviation from the level's prediction on the previous point's residual about its
 * posterior level, from discounted sums shrunk towards 0. Only regularly spaced pairs teach it.
 */
export function learnAutocorrelation(noise: NoiseState, deviation: number, elapsed: number): void {
  if (elapsed > REGULAR) return;
  const bound = LAG_CLIP * Math.sqrt(noise.variance);
  const x = clip(noise.previousResidual, bound);
  const y = clip(deviation, bound);
  noise.lagProduct = (1 - LAG_RATE) * noise.lagProduct + x * y;
  noise.lagSquare = (1 - LAG_RATE) * noise.lagSquare + x * x;
  const rho = noise.lagProduct / (noise.lagSquare + LAG_PRIOR * noise.variance);
  noise.autocorrelation = Math.min(Math.max(rho, 0), MAX_AUTOCORRELATION);
}

export function clip(x: number, bound: number): number {
  return x > bound ? bound : x < -bound ? -bound : x;
}
