import {
  DEFAULT_CONFIDENCE,
  slopeDirection,
  slopesDiffer,
  type SlopeDirection,
  type SlopeEstimate,
} from "@/lib/vsm/temporal/slope-significance";

/**
 * Whether the trends at two adjacent resolutions tell the same story. A fast slope that disagrees
 * with the slow one marks a turn the slower view has not seen yet — but noise alone gives two
 * slopes different signs half the time, and that is no turn. So they disagree only when the
 * difference is significant (beyond t·√(se_fast² + se_slow²) at the confidence level) and material:
 * more than `tolerance` of the larger slope, or rising against falling. Each slope's direction is
 * "flat" unless its own interval excludes 0.
 */
export type SlopeAgreement = {
  fast: number;
  slow: number;
  fastDirection: SlopeDirection;
  slowDirection: SlopeDirection;
  /** |fast − slow| / max(|fast|, |slow|); null when both are exactly 0. */
  relativeDifference: number | null;
  /** fast − slow lies beyond its combined uncertainty at the confidence level. */
  significant: boolean;
  agree: boolean;
};

export type SlopeComparison = {
  /** Relative difference two slopes may have and still agree. */
  tolerance: number;
  /** Confidence level of the tests; DEFAULT_CONFIDENCE when omitted. */
  level?: number;
};

export function compareSlopes(
  fast: SlopeEstimate,
  slow: SlopeEstimate,
  { tolerance, level = DEFAULT_CONFIDENCE }: SlopeComparison,
): SlopeAgreement {
  if (!(tolerance >= 0)) throw new RangeError(`a slope tolerance must be ≥ 0, got ${tolerance}`);
  const scale = Math.max(Math.abs(fast.slope), Math.abs(slow.slope));
  const relativeDifference = scale === 0 ? null : Math.abs(fast.slope - slow.slope) / scale;
  const fastDirection = slopeDirection(fast, level);
  const slowDirection = slopeDirection(slow, level);
  const opposite = fastDirection !== "flat" && slowDirection !== "flat" && fastDirection !== slowDirection;
  const significant = slopesDiffer(fast, slow, level);
  const material = opposite || (relativeDifference ?? 0) > tolerance;
  return {
    fast: fast.slope,
    slow: slow.slope,
    fastDirection,
    slowDirection,
    relativeDifference,
    significant,
    agree: !(significant && material),
  };
}
