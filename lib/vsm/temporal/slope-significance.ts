import { studentTQuantile } from "@/lib/vsm/temporal/student-t";

/**
 * When a fitted slope is a claim. Every series has a non-zero least-squares slope, noise included,
 * so "rising", "growing" or "the scales disagree" is only said when a confidence interval rules the
 * opposite out; otherwise the slope is "flat": not shown to move. Intervals are two-sided at
 * `level`, from Student's t with the fit's degrees of freedom, so stationary noise is called rising
 * (or falling) in at most (1 − level)/2 of windows.
 */

/** 95 %: on stationary noise, a false "rising" in 1 window in 40 and a false "disagree" in 1 in 20. */
export const DEFAULT_CONFIDENCE = 0.95;

/** What a test needs from a fit: the slope, its standard error (null: unknown) and their df. */
export type SlopeEstimate = { slope: number; standardError: number | null; df: number };

export type SlopeInterval = { level: number; low: number; high: number };

export const SLOPE_DIRECTIONS = ["rising", "falling", "flat"] as const;
export type SlopeDirection = (typeof SLOPE_DIRECTIONS)[number];

export function checkConfidence(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`a confidence level lies in (0, 1), got ${level}`);
  return level;
}

/** t·se for a two-sided interval; an exact fit (se 0) needs no quantile, and may have any df. */
function halfWidth(standardError: number, df: number, level: number): number {
  return standardError === 0 ? 0 : studentTQuantile((1 + level) / 2, df) * standardError;
}

/** slope ± t·se; null without a standard error. */
export function slopeInterval(estimate: SlopeEstimate, level = DEFAULT_CONFIDENCE): SlopeInterval | null {
  checkConfidence(level);
  if (estimate.standardError === null) return null;
  const half = halfWidth(estimate.standardError, estimate.df, level);
  return { level, low: estimate.slope - half, high: estimate.slope + half };
}

/** Rising or falling when the interval excludes 0 on that side; flat otherwise, or when untestable. */
export function slopeDirection(estimate: SlopeEstimate, level = DEFAULT_CONFIDENCE): SlopeDirection {
  const interval = slopeInterval(estimate, level);
  if (interval !== null && interval.low > 0) return "rising";
  if (interval !== null && interval.high < 0) return "falling";
  return "flat";
}

/**
 * Whether two independent slopes differ at `level`: |a − b| beyond t·√(se_a² + se_b²), with
 * Welch–Satterthwaite df. False when either has no standard error (no evidence either way).
 */
export function slopesDiffer(a: SlopeEstimate, b: SlopeEstimate, level = DEFAULT_CONFIDENCE): boolean {
  checkConfidence(level);
  if (a.standardError === null || b.standardError === null) return false;
  const va = a.standardError ** 2;
  const vb = b.standardError ** 2;
  const df = va + vb === 0 ? 1 : (va + vb) ** 2 / (va ** 2 / a.df + vb ** 2 / b.df);
  return Math.abs(a.slope - b.slope) > halfWidth(Math.sqrt(va + vb), df, level);
}
