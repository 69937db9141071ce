import { describe, expect, it } from "vitest";
import { detectionWeights } from "@/lib/bench/nab/detection-weights";
import { probationLength } from "@/lib/bench/nab/probation";
import type { CostWeights } from "@/lib/bench/nab/profiles";
import { scaledSigmoid } from "@/lib/bench/nab/scaled-sigmoid";
import { scoreFile } from "@/lib/bench/nab/score-file";
import type { WindowRows } from "@/lib/bench/nab/window-rows";

/** NAB's standard profile. */
const STANDARD: CostWeights = { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };

/**
 * Scores a file of `rows` rows whose detections are the listed rows (score 1, threshold 1).
 * σ(x) = 2/(1 + e^{5x}) − 1 = −tanh(5x/2), which is how the expected values below are worked out:
 * σ(−1) = tanh(2.5) = 0.986614 is the left edge's value before scaling.
 */
function score(rows: number, windows: WindowRows[], detections: number[], costs = STANDARD) {
  const scores = new Float64Array(rows);
  for (const row of detections) scores[row] = 1;
  return scoreFile(detectionWeights(rows, windows, costs), scores, 1);
}

// Six rows: probation floor(0.15·6) = floor(0.9) = 0, so every row is scored. One window, rows 2–4 (w = 3).
const SMALL = { rows: 6, windows: [{ start: 2, end: 4 }] };

describe("scaledSigmoid", () => {
  it("is +0.987 at the left edge, 0 at x = 0, −0.987 at x = 1 and −1 beyond 3", () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(Math.tanh(2.5), 14); // 0.9866143
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.9866143, 7);
    // 3 itself is still on the curve (−tanh 7.5 = −0.99999939), only beyond it is the value −1.
    expect(scaledSigmoid(3)).toBeCloseTo(-Math.tanh(7.5), 14);
    expect(scaledSigmoid(3.0001)).toBe(-1);
  });
});

describe("scoreFile: windows", () => {
  it("pays exactly tpWeight for a detection at a window's left edge", () => {
    // Row 2: x = −(4 − 2 + 1)/3 = −1, worth σ(−1)/σ(−1)·tpWeight = 1. No false positives.
    const result = score(SMALL.rows, SMALL.windows, [2]);
    expect(result.score).toBe(1);
    // NAB counts rows: one detected window row (TP), two quiet ones (FN), three quiet rows outside (TN).
    expect(result).toMatchObject({ tp: 1, fn: 2, tn: 3, fp: 0, total: 6, windows: 1, windowsHit: 1 });
  });

  it("pays less for a late detection: at the right edge x = −1/w, never 0", () => {
    // Row 4: x = −(4 − 4 + 1)/3 = −1/3, σ(−1/3) = tanh(5/6) = 0.682318; scaled by 1/σ(−1): 0.691518.
    const result = score(SMALL.rows, SMALL.windows, [4]);
    expect(result.score).toBeCloseTo(Math.tanh(5 / 6) / Math.tanh(2.5), 14);
    expect(result.score).toBeCloseTo(0.691518, 6);
  });

  it("counts only the earliest detection of a window", () => {
    // Rows 3 and 4 both detected: row 3 (x = −2/3, tanh(5/3)/tanh(2.5) = 0.943742) is the one that counts, once.
    const result = score(SMALL.rows, SMALL.windows, [3, 4]);
    expect(result.score).toBeCloseTo(Math.tanh(5 / 3) / Math.tanh(2.5), 14);
    expect(result.score).toBeCloseTo(0.943742, 6);
    expect(result).toMatchObject({ tp: 2, fn: 1, windowsHit: 1 });
  });

  it("charges fnWeight for a window with no detection, whatever the profile's other weights", () => {
    expect(score(SMALL.rows, SMALL.windows, []).score).toBe(-1);
    expect(score(SMALL.rows, SMALL.windows, [], { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 }).score).toBe(-2);
    expect(score(SMALL.rows, SMALL.windows, [])).toMatchObject({ tp: 0, fn: 3, tn: 3, windowsHit: 0 });
  });
});

describe("scoreFile: false positives", () => {
  it("charges the full fpWeight before the first window", () => {
    // Row 1 precedes every window: −1·0.11. The window is missed too: −1. Total −1.11.
    const result = score(SMALL.rows, SMALL.windows, [1]);
    expect(result.score).toBeCloseTo(-1.11, 14);
    expect(result).toMatchObject({ fp: 1, tn: 2 });
    // With no window at all, every detection is "before the first window".
    expect(score(6, [], [0, 5]).score).toBeCloseTo(-0.22, 14);
  });

  // 50 rows: probation floor(7.5) = 7. One window, rows 10–19 (w = 10), which the detection at row 10 hits for +1.
  const LONG = { rows: 50, windows: [{ start: 10, end: 19 }] };

  it("charges little for a detection just after a window", () => {
    // Row 20: y = |19 − 20|/(10 − 1) = 1/9, σ(1/9) = −tanh(5/18) = −0.270847; ·0.11 = −0.029793.
    const result = score(LONG.rows, LONG.windows, [10, 20]);
    expect(result.score).toBeCloseTo(1 - 0.11 * Math.tanh(5 / 18), 14);
    expect(result.score).toBeCloseTo(1 - 0.029793, 6);
  });

  it("charges almost all of fpWeight three widths after, and all of it beyond", () => {
    // Row 46: y = 27/9 = 3 exactly, still on the curve: 0.11·(−tanh 7.5) = −0.10999993.
    expect(score(LONG.rows, LONG.windows, [10, 46]).score).toBeCloseTo(1 - 0.11 * Math.tanh(7.5), 14);
    // Row 47: y = 28/9 > 3, the full −0.11.
    expect(score(LONG.rows, LONG.windows, [10, 47]).score).toBeCloseTo(1 - 0.11, 14);
  });

  it("measures from the window just passed, not the first one", () => {
    // Windows 5–9 (w = 5) and 20–29 (w = 10); a detection at row 31 is y = 2/9 past the second:
    // σ(2/9) = −tanh(5/9) = −0.504672, ·0.11 = −0.055514. Both windows missed: −2.
    const result = score(
      40,
      [
        { start: 5, end: 9 },
        { start: 20, end: 29 },
      ],
      [31],
    );
    expect(result.score).toBeCloseTo(-2 - 0.11 * Math.tanh(5 / 9), 14);
  });

  it("charges the full cost after a one-row window (NAB would divide by zero there)", () => {
    // Window is row 3 only; row 4 is y = 1/0 = ∞ past it, so σ = −1 and the cost is 0.11.
    expect(score(6, [{ start: 3, end: 3 }], [3, 4]).score).toBeCloseTo(1 - 0.11, 14);
  });
});

describe("scoreFile: probation", () => {
  it("is min(floor(0.15·n), 750) rows", () => {
    expect(probationLength(6)).toBe(0); // floor(0.9)
    expect(probationLength(20)).toBe(3); // floor(3.0)
    expect(probationLength(4032)).toBe(604); // floor(604.8)
    expect(probationLength(5000)).toBe(750);
    expect(probationLength(22695)).toBe(750); // capped
  });

  it("ignores detections and quiet rows in the first rows", () => {
    // 20 rows: rows 0–2 are probationary. Detections at 0–2 cost nothing; the one at row 3 costs 0.11 (no window).
    expect(score(20, [], [0, 1, 2]).score).toBe(0);
    const result = score(20, [], [0, 1, 2, 3]);
    expect(result.score).toBeCloseTo(-0.11, 14);
    expect(result).toMatchObject({ fp: 1, tn: 16, total: 17 });
  });

  it("scores a window that straddles probation from its full width, on its scored rows only", () => {
    // Window rows 2–5 (w = 4), probation 3 rows. Row 2 is probationary, so the earliest detection
    // that can count is row 3: x = −(5 − 3 + 1)/4 = −0.75, tanh(1.875)/tanh(2.5) = 0.966989.
    const result = score(20, [{ start: 2, end: 5 }], [2, 3]);
    expect(result.score).toBeCloseTo(Math.tanh(1.875) / Math.tanh(2.5), 14);
    expect(result.score).toBeCloseTo(0.966989, 6);
    expect(result).toMatchObject({ tp: 1, fn: 2, windows: 1 });
  });

  it("drops a window that lies wholly inside probation, as NAB's sweeper does", () => {
    // Window rows 0–2, all probationary: neither hit nor missed, so the file scores 0, not −1.
    const result = score(20, [{ start: 0, end: 2 }], []);
    expect(result.score).toBe(0);
    expect(result.windows).toBe(0);
    // A detection at row 4 is measured from that window all the same: y = 2/2 = 1, σ(1) = −tanh(2.5); ·0.11 = −0.108528.
    expect(score(20, [{ start: 0, end: 2 }], [4]).score).toBeCloseTo(-0.11 * Math.tanh(2.5), 14);
  });
});
