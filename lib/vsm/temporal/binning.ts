/**
 * Value bins for the entropy of a roll-up bucket. Bin k holds the values in [k·w, (k+1)·w): a
 * fixed width per series, anchored at zero, so the bins of any two buckets of one series line up
 * and merge by adding counts — which is what lets minute entropies roll up into hours and days.
 *
 * Choose w as the smallest difference that matters for the indicator; a good default is the
 * observation noise √V the filter estimates, since states closer than the noise are not
 * distinguishable and would only add spurious variety. Values on an edge may fall either side by
 * floating-point rounding.
 */

export function checkBinWidth(width: number): number {
  if (!(Number.isFinite(width) && width > 0)) throw new RangeError(`a bin width must be positive, got ${width}`);
  return width;
}

/** The bin key of `value`. */
export function binOf(value: number, width: number): string {
  return String(Math.floor(value / width));
}
