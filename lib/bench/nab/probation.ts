/** NAB's share of each file a detector may learn on before it is scored. */
export const PROBATION_SHARE = 0.15;

/**
 * Rows at the start of a file that are not scored: min(floor(0.15·n), 0.15·5000), i.e. at most
 * 750. Computed in the same floating-point steps as NAB (0.15·n, not 15n/100) so the boundary row
 * is the same; rows with index ≥ this are scored.
 */
export function probationLength(rows: number): number {
  return Math.min(Math.floor(PROBATION_SHARE * rows), PROBATION_SHARE * 5000);
}
