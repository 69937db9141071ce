import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectionWeights } from "@/lib/bench/nab/detection-weights";
import type { CostWeights } from "@/lib/bench/nab/profiles";
import { scoreFile } from "@/lib/bench/nab/score-file";
import { bestThreshold, sweepThresholds } from "@/lib/bench/nab/threshold-sweep";

const STANDARD: CostWeights = { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };

// Six rows (no probation), window rows 2–4. Each row's score, and what detecting it is worth:
//   row 0: 0.1, before the window       −0.11
//   row 1: 0.9, before the window       −0.11
//   row 2: 0.7, the window's left edge  +1
//   row 3: 0.5, in the window           +0.943742 (but row 2 is earlier)
//   row 4: 0.2, in the window           +0.691518
//   row 5: 0.8, just after the window   0.11·σ(1/2) = −0.11·tanh(1.25) = −0.093311
const weights = detectionWeights(6, [{ start: 2, end: 4 }], STANDARD);
const scores = [0.1, 0.9, 0.7, 0.5, 0.2, 0.8];
const AFTER = 0.11 * Math.tanh(1.25);

describe("sweepThresholds", () => {
  it("scores every distinct anomaly score as a threshold, from nothing detected down to everything", () => {
    const entries = sweepThresholds([{ weights, scores }]);
    expect(entries.map((e) => e.threshold)).toEqual([1.1, 0.9, 0.8, 0.7, 0.5, 0.2, 0.1]);
    const expected = [
      -1, // 1.1: nothing detected, the window missed
      -1 - 0.11, // 0.9: row 1, a false positive before the window
      -1 - 0.11 - AFTER, // 0.8: and row 5, just after it
      1 - 0.11 - AFTER, // 0.7: row 2 hits the window at its left edge: 0.796689
      1 - 0.11 - AFTER, // 0.5: row 3 is later in the same window and adds nothing
      1 - 0.11 - AFTER, // 0.2: nor does row 4
      1 - 0.22 - AFTER, // 0.1: row 0, another false positive before the window
    ];
    entries.forEach((entry, i) => expect(entry.score).toBeCloseTo(expected[i]!, 14));
    expect(entries[4]).toMatchObject({ tp: 2, fn: 1, fp: 2, tn: 1, total: 6 });
  });

  it("picks the best threshold, the highest of those tied for best as NAB's stable sort does", () => {
    // 0.7, 0.5 and 0.2 tie at 0.796689; NAB keeps the first, 0.7.
    const best = bestThreshold(sweepThresholds([{ weights, scores }]));
    expect(best.threshold).toBe(0.7);
    expect(best.score).toBeCloseTo(1 - 0.11 - AFTER, 14);
    expect(best.score).toBeCloseTo(0.796689, 6);
  });

  it("pools files: one threshold for the corpus, not one per file", () => {
    // A second file where only a high threshold avoids false positives: rows 0–5 (no window) score 0.75.
    // Per file the first would pick 0.7 and the second 1.1; pooled, 0.7 costs the second file 6·0.11
    // = 0.66 and still wins (0.796689 − 0.66 = 0.136689 > −1), while 0.8 or above never hits the window.
    const quiet = detectionWeights(6, [], STANDARD);
    const best = bestThreshold(
      sweepThresholds([
        { weights, scores },
        { weights: quiet, scores: new Array(6).fill(0.75) },
      ]),
    );
    expect(best.threshold).toBe(0.7);
    expect(best.score).toBeCloseTo(1 - 0.11 - AFTER - 0.66, 14);
  });

  it("agrees with scoring each file directly at every threshold it lists", () => {
    const file = fc.record({
      rows: fc.integer({ min: 1, max: 60 }),
      cuts: fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 6 }),
      levels: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 60, maxLength: 60 }),
    });
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), (specs) => {
        const files = specs.map(({ rows, cuts, levels }) => {
          // Windows from sorted cut points taken in pairs: disjoint and in order.
          const edges = cuts.filter((c) => c < rows).sort((a, b) => a - b);
          const windows = [];
          for (let k = 0; k + 1 < edges.length; k += 2) windows.push({ start: edges[k]!, end: edges[k + 1]! });
          // Coarse score levels so ties are common.
          return { weights: detectionWeights(rows, windows, STANDARD), scores: levels.slice(0, rows).map((l) => l / 8) };
        });
        for (const entry of sweepThresholds(files)) {
          const direct = files.map((f) => scoreFile(f.weights, f.scores, entry.threshold));
          const sum = (pick: (r: (typeof direct)[number]) => number) => direct.reduce((s, r) => s + pick(r), 0);
          expect(sum((r) => r.score)).toBeCloseTo(entry.score, 10);
          expect([sum((r) => r.tp), sum((r) => r.tn), sum((r) => r.fp), sum((r) => r.fn)]).toEqual([
            entry.tp,
            entry.tn,
            entry.fp,
            entry.fn,
          ]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
