import { describe, expect, it } from "vitest";
import { byCategory } from "@/lib/bench/nab/category-summary";
import type { NabFile } from "@/lib/bench/nab/corpus";
import { evaluateDetector } from "@/lib/bench/nab/evaluate";
import type { Profiles } from "@/lib/bench/nab/profiles";

const costs = { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };
const profiles: Profiles = {
  standard: costs,
  reward_low_FP_rate: { ...costs, fpWeight: 0.22 },
  reward_low_FN_rate: { ...costs, fnWeight: 2 },
};
const file = (key: string, windows: { start: number; end: number }[]): NabFile => ({
  key,
  category: key.split("/")[0]!,
  times: new Float64Array(6),
  values: new Float64Array(6),
  windows,
});

describe("byCategory", () => {
  it("splits windows hit, FP rows and points by category, and the points add up to the total", () => {
    // Six-row files, no probation. a/1 hits its window (rows 2–4) at the left edge: +1. a/2 has no
    // window and one false positive: −0.11. b/1 misses its window: −1. Standard: null −2, perfect 2,
    // total 100·(−0.11 + 2)/4 = 47.25; a: 100·(0.89 − (−1))/4 = 47.25, b: 100·(−1 − (−1))/4 = 0.
    const files = [file("a/1.csv", [{ start: 2, end: 4 }]), file("a/2.csv", []), file("b/1.csv", [{ start: 2, end: 4 }])];
    const pages = [new Float64Array([0, 0, 1, 0, 0, 0]), new Float64Array([0, 0, 0, 1, 0, 0]), new Float64Array(6)];
    const result = evaluateDetector(files, pages, profiles, "pages");
    const [a, b] = byCategory(files, result, profiles);
    expect(a).toMatchObject({ category: "a", files: 2, windows: 1, windowsHit: 1, fp: 1 });
    expect(b).toMatchObject({ category: "b", files: 1, windows: 1, windowsHit: 0, fp: 0 });
    expect(result.standard.normalised).toBeCloseTo(47.25, 12);
    expect(a!.points.standard).toBeCloseTo(47.25, 12);
    expect(b!.points.standard).toBe(0);
    for (const p of ["standard", "reward_low_FP_rate", "reward_low_FN_rate"] as const)
      expect(a!.points[p] + b!.points[p]).toBeCloseTo(result[p].normalised, 12);
  });
});
