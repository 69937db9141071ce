/**
 * The warm-up estimate of the observation variance V (docs/domain.md, "Noise") and how much it is worth.
 * First differences remove the level and most of any trend; a difference of two independent
 * noises has twice their variance, hence the halving. 1.4826·MAD of the differences is robust to
 * a step or an outlier in the window but only 37% efficient, so it serves to screen: the
 * estimate is the mean square of the differences within 3 robust standard deviations of their
 * median, corrected for the trimming, which keeps the robustness and is worth about twice as much.
 */

const MAD_TO_SD = 1.4826;
/** Differences further than this many robust standard deviations from the median are a change, not noise. */
const TRIM = 3;
/** E[x² | |x| < 3σ]/σ² for a normal x: the mean square of the kept differences is this much too small. */
const TRIMMED_SHARE = 1 - (2 * TRIM * Math.exp(-0.5 * TRIM * TRIM)) / Math.sqrt(2 * Math.PI) / 0.9973002039367398;

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function firstDifferences(values: readonly number[]): number[] {
  return values.slice(1).map((value, i) => value - values[i]!);
}

/** V from a warm-up window of at least two values (0 for a constant window: the caller applies the data's floor). */
export function estimateVariance(values: readonly number[]): number {
  const diffs = firstDifferences(values);
  const centre = median(diffs);
  const deviations = diffs.map((d) => d - centre);
  const spread = MAD_TO_SD * median(deviations.map(Math.abs));
  // Mostly-constant series (counts that rarely move) have MAD 0; their mean square still measures them.
  const kept = spread > 0 ? deviations.filter((d) => Math.abs(d) <= TRIM * spread) : deviations;
  const meanSquare = kept.reduce((sum, d) => sum + d * d, 0) / kept.length;
  return spread > 0 ? meanSquare / TRIMMED_SHARE / 2 : meanSquare / 2;
}

/**
 * Degrees of freedom n the warm-up estimate is worth, n = 2/(relative variance) as for a
 * chi-square. An untrimmed mean square of k first differences would be worth 2k/3 (neighbouring
 * differences share a noise); screening with a noisy MAD and centring on the median lose some of
 * that. Measured over 4,000 windows of 10–80 points: 0.48–0.59 per difference (MAD alone: 0.29),
 * so one half, which errs on the side of heavier tails.
 */
export function warmupDegreesOfFreedom(windowLength: number): number {
  return (windowLength - 1) / 2;
}

/** Points the Theil–Sen slope uses at most: 200 points are 19,900 slopes. */
const SLOPE_POINTS = 200;

/**
 * The window's spread about its Theil–Sen line (the median of the slopes between every two points,
 * robust to an outlier or a step; the median first difference would be far too noisy a slope for
 * level noise), as a variance: the wander that first differences do not see. On autocorrelated
 * noise (lag-one ρ) first differences measure only 1 − ρ of the noise's variance, so V from them
 * is too small a yardstick for how far the series strays from a reference. 1.4826·MAD of the
 * residuals; 0 for a constant window.
 */
export function spreadVariance(values: readonly number[]): number {
  // Every pair of a long warm-up would be n²/2 slopes: past SLOPE_POINTS, an evenly spaced subset of the points gives them.
  const stride = Math.ceil(values.length / SLOPE_POINTS);
  const slopes: number[] = [];
  for (let i = 0; i < values.length; i += stride)
    for (let j = i + stride; j < values.length; j += stride) slopes.push((values[j]! - values[i]!) / (j - i));
  const slope = slopes.length > 0 ? median(slopes) : 0;
  const residuals = values.map((v, i) => v - slope * i);
  const centre = median(residuals);
  const spread = MAD_TO_SD * median(residuals.map((r) => Math.abs(r - centre)));
  return spread * spread;
}
