/**
 * NAB's scaled sigmoid, 2/(1 + e^{5x}) − 1: about +0.987 at x = −1 (a window's left edge), 0 at
 * x = 0, about −0.987 at x = 1, and exactly −1 beyond x = 3. Written as 2·(1/(1 + e^{5x})) − 1,
 * the same floating-point steps as NAB's `2*sigmoid(-5*x) - 1`, so scores agree to the last bits.
 */
export function scaledSigmoid(x: number): number {
  if (x > 3) return -1;
  return 2 * (1 / (1 + Math.exp(5 * x))) - 1;
}
