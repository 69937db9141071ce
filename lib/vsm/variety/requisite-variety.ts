/**
 * Ashby's law of requisite variety (docs/design.md §3.4): outcome variety ≥ H(D) − H(R), so the
 * deficit H(D) − H(R) is the variety a system lets through unregulated. One set of balance states
 * for the whole console.
 */

export const VARIETY_BALANCES = ["balanced", "under-regulated", "over-regulated"] as const;
export type VarietyBalance = (typeof VARIETY_BALANCES)[number];

/** Differences smaller than this are rounding, not variety; keeps the tolerance edges exact. */
const ROUNDING = 1e-9;

export type RequisiteVariety = {
  /** H(D), bits. */
  disturbance: number;
  /** H(R), bits. */
  regulatory: number;
  /** H(D) − H(R), bits. */
  deficit: number;
  tolerance: number;
  state: VarietyBalance;
};

/** Balanced when |deficit| ≤ tolerance, under-regulated above it, over-regulated below −tolerance. */
export function varietyBalance(deficit: number, tolerance: number): VarietyBalance {
  if (!(tolerance >= 0)) throw new RangeError(`variety tolerance must be ≥ 0, got ${tolerance}`);
  if (deficit > tolerance + ROUNDING) return "under-regulated";
  if (deficit < -tolerance - ROUNDING) return "over-regulated";
  return "balanced";
}

export function requisiteVariety(disturbance: number, regulatory: number, tolerance: number): RequisiteVariety {
  const deficit = disturbance - regulatory;
  return { disturbance, regulatory, deficit, tolerance, state: varietyBalance(deficit, tolerance) };
}
