/**
 * Weighted least-squares line y = intercept + slope·x with its coefficient of determination R² and
 * the slope's standard error. x is centred before summing, so epoch-millisecond x values keep their
 * precision.
 */

export type XY = { x: number; y: number; weight?: number };

export type LinearFit = {
  slope: number;
  intercept: number;
  /** Share of the variance of y the line explains; null when y does not vary (nothing to explain). */
  r2: number | null;
  /** Points with positive weight. */
  n: number;
  /**
   * Standard error of the slope, for its confidence interval (slope-significance.ts), assuming
   * independent errors. Weights count as precisions here: a point of weight k is the mean of k
   * observations with the same noise (as a roll-up bucket's mean is), so the noise variance is
   * Σ w·r² / (n − 2) over the n points, not over Σw copies. Null with n = 2: a line through two
   * points leaves no residual to measure the noise by.
   */
  standardError: number | null;
  /** Degrees of freedom of standardError: n − 2. */
  df: number;
};

/** Null when fewer than two distinct x carry weight: no line is determined. */
export function fitLine(points: readonly XY[]): LinearFit | null {
  let w = 0;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (const p of points) {
    const weight = p.weight ?? 1;
    if (!(Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`points need finite x, y and a weight ≥ 0, got (${p.x}, ${p.y}, ${weight})`);
    }
    if (weight === 0) continue;
    w += weight;
    sx += weight * p.x;
    sy += weight * p.y;
    n += 1;
  }
  if (n < 2) return null;
  const mx = sx / w;
  const my = sy / w;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    const weight = p.weight ?? 1;
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += weight * dx * dx;
    sxy += weight * dx * dy;
    syy += weight * dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  // For a least-squares line with intercept, R² = r² = Sxy²/(Sxx·Syy); clamped against rounding.
  const r2 = syy === 0 ? null : Math.min(1, (sxy * sxy) / (sxx * syy));
  const df = n - 2;
  const standardError = df > 0 ? Math.sqrt(residualSquares(points, mx, my, slope) / df / sxx) : null;
  return { slope, intercept: my - slope * mx, r2, n, standardError, df };
}

/** Σ w·r², summed from the residuals themselves: Syy − slope·Sxy cancels badly when R² is near 1. */
function residualSquares(points: readonly XY[], mx: number, my: number, slope: number): number {
  let sum = 0;
  for (const p of points) {
    const r = p.y - my - slope * (p.x - mx);
    sum += (p.weight ?? 1) * r * r;
  }
  return sum;
}
