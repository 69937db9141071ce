/**
 * Whether the trends at two adjacent resolutions tell the same story: the same direction and
 * magnitudes within a relative tolerance. A fast slope that disagrees with the slow one marks a
 * turn the slower view has not seen yet.
 */
export type SlopeAgreement = {
  fast: number;
  slow: number;
  sameSign: boolean;
  /** |fast − slow| / max(|fast|, |slow|); null when both are flat. */
  relativeDifference: number | null;
  agree: boolean;
};

export function compareSlopes(fast: number, slow: number, tolerance: number): SlopeAgreement {
  if (!(tolerance >= 0)) throw new RangeError(`a slope tolerance must be ≥ 0, got ${tolerance}`);
  const scale = Math.max(Math.abs(fast), Math.abs(slow));
  const relativeDifference = scale === 0 ? null : Math.abs(fast - slow) / scale;
  const sameSign = Math.sign(fast) === Math.sign(slow);
  return { fast, slow, sameSign, relativeDifference, agree: sameSign && (relativeDifference ?? 0) <= tolerance };
}
