import { describe, expect, it } from "vitest";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";

describe("filterParams", () => {
  it("flattens the regime table into REGIMES order with log priors", () => {
    const params = filterParams(DEFAULT_POLICY, { direction: "up" });
    // The defaults as tuned in BENCHMARKS.md ("Regime defaults"); the rest is DESIGN.md §3.2.
    expect(params.re).toEqual([1, 1, 1, 50]);
    expect(params.rg).toEqual([0.01, 25, 0.01, 0.01]);
    expect(params.rd).toEqual([0.0001, 0.0001, 0.01, 0.0001]);
    expect(params.prior).toEqual([0.92, 0.01, 0.03, 0.04]);
    expect(params.logPrior[1]).toBeCloseTo(Math.log(0.01), 12);
    expect(params).toMatchObject({
      warmup: 20,
      varianceLearningRate: 0.02,
      thresholds: { transient: 0.5, stepImmediate: 0.9, stepConfirm: 0.95, slope: 0.6, surpriseConfirm: 3 },
      bands: { alert: 0.5, crisis: 0.9 },
    });
  });

  it("uses the family's regimes when policy has them", () => {
    const policy = resolvePolicy([{ filter: { families: { latency: { transient: { re: 100, rg: 0.01, rd: 0.0001, prior: 0.04 } } } } }]);
    expect(filterParams(policy, { direction: "down", family: "latency" }).re[3]).toBe(100);
    expect(filterParams(policy, { direction: "down", family: "other" }).re[3]).toBe(50);
  });

  it("judges ratio indices against the capability floor, raw values only against an explicit limit", () => {
    expect(filterParams(DEFAULT_POLICY, { direction: "up" }).limit).toBe(0.8);
    expect(filterParams(DEFAULT_POLICY, { direction: "up", kind: "latency" }).limit).toBe(0.8);
    expect(filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" }).limit).toBeUndefined();
    expect(filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw", limit: 250 }).limit).toBe(250);
    expect(filterParams(resolvePolicy([{ bands: { floor: 0.6 } }]), { direction: "up", kind: "performance" }).limit).toBe(0.6);
  });
});
