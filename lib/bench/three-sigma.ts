/**
 * The ops baseline the filter is measured against: flag a point when it lies more than 3 rolling
 * standard deviations from the rolling mean of the trailing window (the points before it, not
 * including it). Sums over a ring buffer keep each update O(1).
 */
export interface ThreeSigmaDetector {
  /** 0 when y is within bounds, else +1 or −1 for the side it broke out on; y then joins the window. */
  update(y: number): number;
}

export function createThreeSigma(window: number, k = 3): ThreeSigmaDetector {
  const ring = new Float64Array(window);
  let count = 0;
  let next = 0;
  let sum = 0;
  let sumSquares = 0;
  // Sums are kept about the first value so a series far from zero loses no precision in them.
  let origin: number | undefined;
  return {
    update(value) {
      origin ??= value;
      const y = value - origin;
      let flagged = 0;
      if (count === window) {
        const mean = sum / window;
        // Sample variance; clamped because the running sums can round a hair below zero.
        const variance = Math.max((sumSquares - window * mean * mean) / (window - 1), 0);
        const deviation = y - mean;
        if (Math.abs(deviation) > k * Math.sqrt(variance)) flagged = Math.sign(deviation);
        sum -= ring[next]!;
        sumSquares -= ring[next]! ** 2;
      } else {
        count += 1;
      }
      ring[next] = y;
      sum += y;
      sumSquares += y * y;
      next = (next + 1) % window;
      return flagged;
    },
  };
}
