import { describe, expect, it } from "vitest";
import { badSideProbability, bandOf } from "@/lib/vsm/filter/band";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";

const weights = [1, 0, 0, 0];
/** Component 0: level 0.8 ± 0.1 (the others carry no weight and sit far above, at 5 ± 1). */
const means = [0.8, 0, 5, 0, 5, 0, 5, 0];
const covariances = [0.01, 0, 0.01, 1, 0, 1, 1, 0, 1, 1, 0, 1];
const up = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw", limit: 0.9 });
const down = filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw", limit: 0.9 });

describe("badSideProbability", () => {
  it("is the probability that the level is on the bad side of the limit", () => {
    // Level N(0.8, 0.1²) is below 0.9 with probability Φ(1) ≈ 0.8413; above it with 1 − Φ(1).
    expect(badSideProbability(weights, means, covariances, 0, up)).toBeCloseTo(0.841345, 5);
    expect(badSideProbability(weights, means, covariances, 0, down)).toBeCloseTo(0.158655, 5);
  });

  it("sums over the regime components by their weights", () => {
    // Half the weight on a component at 5 ± 1 (below 0.9 with Φ(−4.1) ≈ 2e-5): about half of Φ(1).
    const mixed = badSideProbability([0.5, 0.5, 0, 0], means, covariances, 0, up)!;
    expect(mixed).toBeCloseTo(0.5 * 0.841345 + 0.5 * 0.0000207, 5);
  });

  it("adds this time's seasonal part to the level before comparing it with the limit", () => {
    // A seasonal part of +0.1 puts the series' level at 0.9 ± 0.1: exactly on the limit, probability ½.
    expect(badSideProbability(weights, means, covariances, 0.1, up)).toBeCloseTo(0.5, 6);
    // −0.1 puts it at 0.7 ± 0.1, 2 sds below: Φ(2) ≈ 0.97725 on the bad side when up is good.
    expect(badSideProbability(weights, means, covariances, -0.1, up)).toBeCloseTo(0.97725, 5);
    expect(badSideProbability(weights, means, covariances, -0.1, down)).toBeCloseTo(0.02275, 5);
  });

  it("is undefined without a limit", () => {
    const raw = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
    expect(badSideProbability(weights, means, covariances, 0, raw)).toBeUndefined();
  });
});

describe("bandOf", () => {
  it("maps the probability to normal, alert and crisis at the policy's thresholds (inclusive)", () => {
    const params = filterParams(DEFAULT_POLICY, { direction: "up" });
    expect(bandOf(0.49, params)).toBe("normal");
    expect(bandOf(0.5, params)).toBe("alert");
    expect(bandOf(0.89, params)).toBe("alert");
    expect(bandOf(0.9, params)).toBe("crisis");
    expect(bandOf(undefined, params)).toBe("normal");
  });

  it("follows policy thresholds", () => {
    const strict = filterParams(resolvePolicy([{ bands: { alert: 0.2, crisis: 0.4 } }]), { direction: "up" });
    expect([bandOf(0.19, strict), bandOf(0.2, strict), bandOf(0.4, strict)]).toEqual(["normal", "alert", "crisis"]);
  });
});
