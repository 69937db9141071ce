import { describe, expect, it } from "vitest";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";

/** Same seed without the change: the difference is exactly the change. */
function shiftOf(change: Parameters<typeof syntheticSeries>[1]["change"]): number[] {
  const base = syntheticSeries(seededRandom(1), { length: 8, level: 10, sigma: 2 });
  const changed = syntheticSeries(seededRandom(1), { length: 8, level: 10, sigma: 2, change });
  return changed.map((y, i) => Math.round((y - base[i]!) * 1e9) / 1e9);
}

describe("syntheticSeries", () => {
  it("repeats for a seed and scales changes by σ from their 1-based point", () => {
    expect(syntheticSeries(seededRandom(1), { length: 5 })).toEqual(syntheticSeries(seededRandom(1), { length: 5 }));
    expect(shiftOf({ kind: "step", at: 3, size: 2 })).toEqual([0, 0, 4, 4, 4, 4, 4, 4]);
    expect(shiftOf({ kind: "slope", at: 6, size: 0.5 })).toEqual([0, 0, 0, 0, 0, 1, 2, 3]);
    expect(shiftOf({ kind: "outlier", at: 2, size: -5 })).toEqual([0, -10, 0, 0, 0, 0, 0, 0]);
  });
});
