import type { CostWeights } from "@/lib/bench/nab/profiles";
import { probationLength } from "@/lib/bench/nab/probation";
import { scaledSigmoid } from "@/lib/bench/nab/scaled-sigmoid";
import type { WindowRows } from "@/lib/bench/nab/window-rows";

/** What a detection at each row of one file would be worth (NAB's per-row "sweep score"). */
export interface DetectionWeights {
  /** Rows before this index are probationary: neither detections nor misses count there. */
  firstScored: number;
  /** Inside a window, the true-positive value; outside, the (negative) false-positive cost. */
  weight: Float64Array;
  /** The index of the window each row lies in, or −1 outside every window. */
  windowOf: Int32Array;
  /** How many windows the file has (one wholly inside probation included; see scoreFile). */
  windows: number;
  /** The profile the values were computed for; its fnWeight prices a missed window. */
  costs: CostWeights;
}

/**
 * NAB's row values, as its Sweeper.calcSweepScore computes them.
 * - In a window of rows i₀…i₁ (width w), row i is at x = −(i₁ − i + 1)/w, from −1 at the left edge
 *   to −1/w at the right (never 0), and is worth tpWeight·σ(x)/σ(−1): the left edge earns exactly
 *   tpWeight and later rows less.
 * - Before the first window a detection costs the full fpWeight (σ taken as −1).
 * - After a window ending at row r of width w, x = (i − r)/(w − 1) and the cost is fpWeight·σ(x): a
 *   row just after the window costs almost nothing (σ(1/(w−1)) is near 0, negative), one a window's
 *   width later about 0.987·fpWeight, and beyond three widths the full fpWeight. NAB divides by
 *   w − 1 and so fails on a one-row window; here the division gives +∞ and the full cost.
 * The preceding window is the last one whose right edge has passed, which is what NAB tracks.
 */
export function detectionWeights(rows: number, windows: readonly WindowRows[], costs: CostWeights): DetectionWeights {
  const weight = new Float64Array(rows);
  const windowOf = new Int32Array(rows).fill(-1);
  const maxTp = scaledSigmoid(-1);
  let next = 0;
  let previous: WindowRows | undefined;
  for (let i = 0; i < rows; i++) {
    const current = windows[next];
    if (current && i >= current.start) {
      const width = current.end - current.start + 1;
      // Same operation order as NAB: (σ·tpWeight)/σ(−1).
      weight[i] = (scaledSigmoid(-(current.end - i + 1) / width) * costs.tpWeight) / maxTp;
      windowOf[i] = next;
      if (i === current.end) {
        previous = current;
        next += 1;
      }
    } else if (previous === undefined) {
      weight[i] = -1 * costs.fpWeight;
    } else {
      const width = previous.end - previous.start + 1;
      weight[i] = scaledSigmoid(Math.abs(previous.end - i) / (width - 1)) * costs.fpWeight;
    }
  }
  return { firstScored: probationLength(rows), weight, windowOf, windows: windows.length, costs };
}
