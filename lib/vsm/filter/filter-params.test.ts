import { describe, expect, it } from "vitest";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { HOUR } from "@/lib/vsm/types";

describe("filterParams", () => {
  it("flattens the regime table into REGIMES order (steady, step, slope, transient)", () => {
    const params = filterParams(DEFAULT_POLICY, { direction: "up" });
    // DEFAULT_REGIMES (docs/domain.md, "The mixture").
    expect(params.re).toEqual([1, 1, 1, 50]);
    expect(params.rg).toEqual([0.01, 25, 0.01, 0.01]);
    expect(params.rd).toEqual([0.0001, 0.0001, 0.01, 0.0001]);
    expect(params.prior).toEqual([0.92, 0.01, 0.03, 0.04]);
  });

  it("carries the default learning rates, test thresholds, quiet time, flags and bands", () => {
    const params = filterParams(DEFAULT_POLICY, { direction: "down" });
    expect(params).toMatchObject({
      warmup: 20,
      varianceLearningRate: 0.02,
      referenceLearningRate: 0.02,
      scaleLearningRate: 0.005,
      // surprise, sustain, pair, shiftAllowance → allowance, shiftThreshold → threshold, spike.
      tests: { surprise: 3, sustain: 2, pair: 4.5, allowance: 0.75, threshold: 8, spike: 15 },
      quiet: 6 * HOUR,
      seasonality: true,
      autocorrelation: true,
      direction: "down",
      bands: { alert: 0.5, crisis: 0.9 },
    });
  });

  it("takes every detection setting from the policy, renaming the CUSUM's", () => {
    const policy = resolvePolicy([
      {
        filter: {
          surprise: 4,
          sustain: 2.5,
          pair: 5,
          shiftAllowance: 0.5,
          shiftThreshold: 10,
          spike: 20,
          quiet: 2 * HOUR,
          scaleLearningRate: 0.01,
          referenceLearningRate: 0.05,
          varianceLearningRate: 0.03,
          warmup: 30,
        },
      },
    ]);
    const params = filterParams(policy, { direction: "up" });
    expect(params.tests).toEqual({ surprise: 4, sustain: 2.5, pair: 5, allowance: 0.5, threshold: 10, spike: 20 });
    expect([params.quiet, params.scaleLearningRate, params.referenceLearningRate, params.varianceLearningRate, params.warmup]).toEqual([
      2 * HOUR,
      0.01,
      0.05,
      0.03,
      30,
    ]);
  });

  it('turns seasonality and autocorrelation off only when the policy says "off"', () => {
    const off = filterParams(resolvePolicy([{ filter: { seasonality: "off", autocorrelation: "off" } }]), { direction: "up" });
    expect([off.seasonality, off.autocorrelation]).toEqual([false, false]);
    const mixed = filterParams(resolvePolicy([{ filter: { seasonality: "off" } }]), { direction: "up" });
    expect([mixed.seasonality, mixed.autocorrelation]).toEqual([false, true]);
  });

  it("uses the family's regimes when policy has them, the defaults for any other family", () => {
    const policy = resolvePolicy([{ filter: { families: { latency: { transient: { re: 100, rg: 0.01, rd: 0.0001, prior: 0.04 } } } } }]);
    expect(filterParams(policy, { direction: "down", family: "latency" }).re[3]).toBe(100);
    // The family's table is whole: its unspecified regimes are the defaults.
    expect(filterParams(policy, { direction: "down", family: "latency" }).rg[1]).toBe(25);
    expect(filterParams(policy, { direction: "down", family: "other" }).re[3]).toBe(50);
    expect(filterParams(policy, { direction: "down", family: null }).re[3]).toBe(50);
  });

  it("judges ratio indices against the capability floor, raw values only against an explicit limit", () => {
    expect(filterParams(DEFAULT_POLICY, { direction: "up" }).limit).toBe(0.8);
    expect(filterParams(DEFAULT_POLICY, { direction: "up", kind: "latency" }).limit).toBe(0.8);
    expect(filterParams(DEFAULT_POLICY, { direction: "up", kind: "performance" }).limit).toBe(0.8);
    expect(filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" }).limit).toBeUndefined();
    expect(filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw", limit: 250 }).limit).toBe(250);
    // An explicit limit wins over the floor, even for a ratio.
    expect(filterParams(DEFAULT_POLICY, { direction: "up", kind: "productivity", limit: 0.5 }).limit).toBe(0.5);
    expect(filterParams(resolvePolicy([{ bands: { floor: 0.6 } }]), { direction: "up", kind: "performance" }).limit).toBe(0.6);
  });
});
