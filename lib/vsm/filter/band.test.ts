import { describe, expect, it } from "vitest";
import { badSideProbability, bandOf } from "@/lib/vsm/filter/band";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";

const weights = [1, 0, 0, 0];
/** Component 0: level 0.8 ± 0.1 (the others carry no weight). */
const means = [0.8, 0, 5, 0, 5, 0, 5, 0];
const covariances = [0.01, 0, 0.01, 1, 0, 1, 1, 0, 1, 1, 0, 1];

describe("band", () => {
  it("is the mixture probability that the level is on the bad side of the limit", () => {
    const up = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw", limit: 0.9 });
    // Level N(0.8, 0.1²) is below 0.9 with probability Φ(1) ≈ 0.841.
    expect(badSideProbability(weights, means, covariances, up)).toBeCloseTo(0.8413, 4);
    const down = filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw", limit: 0.9 });
    expect(badSideProbability(weights, means, covariances, down)).toBeCloseTo(0.1587, 4);
    // Half the weight on a component far above the limit halves it.
    const mixed = badSideProbability([0.5, 0.5, 0, 0], means, covariances, up)!;
    expect(mixed).toBeCloseTo(0.8413 / 2, 4);
  });

  it("maps the probability to normal, alert and crisis by policy thresholds, and is normal without a limit", () => {
    const params = filterParams(DEFAULT_POLICY, { direction: "up" });
    expect(bandOf(0.49, params)).toBe("normal");
    expect(bandOf(0.5, params)).toBe("alert");
    expect(bandOf(0.9, params)).toBe("crisis");
    const raw = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
    expect(badSideProbability(weights, means, covariances, raw)).toBeUndefined();
    expect(bandOf(undefined, raw)).toBe("normal");
  });
});
