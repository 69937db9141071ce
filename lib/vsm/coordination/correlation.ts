/** Pearson correlation of two equally long series; null when either does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`series differ in length: ${xs.length} vs ${ys.length}`);
  const n = xs.length;
  if (n === 0) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Autocorrelation at `lag` (the usual biased estimator: lagged products over the full-length sum of
 * squares, so it stays in [−1, 1]); null when the series does not vary or is too short.
 */
export function autocorrelation(xs: readonly number[], lag: number): number | null {
  if (!(Number.isInteger(lag) && lag >= 1)) throw new RangeError(`a lag must be a whole number ≥ 1, got ${lag}`);
  const n = xs.length;
  if (n <= lag) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    den += d * d;
    if (i + lag < n) num += d * (xs[i + lag]! - mean);
  }
  return den === 0 ? null : num / den;
}
