import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { forecast } from "@/lib/vsm/filter/forecast";
import { normalCdf } from "@/lib/vsm/filter/normal-cdf";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

/**
 * The forecast's arithmetic on a state with known numbers (docs/domain.md, "Forecasts"). Its
 * behaviour on filtered series — trend, seasonal part, coverage — is in forecast-series.test.ts.
 */

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
const T0 = 1_000 * MINUTE;

/**
 * One component carries all the weight: level 10, slope 0.5 per minute, covariance
 * [[0.3, 0.02], [0.02, 0.01]]; V = 2, ρ = 0.5, last input 11; one change in 1,000 intervals of
 * mean square size 50 (steps) and 0.02 (slopes).
 */
function known(component = 0): FilterState {
  const state = createFilterState();
  state.ready = true;
  state.count = 100;
  state.interval = MINUTE;
  state.lastTime = T0;
  state.noise.variance = 2;
  state.noise.autocorrelation = 0.5;
  state.noise.previousInput = 11;
  state.weights = [0, 0, 0, 0];
  state.weights[component] = 1;
  state.means = [0, 0, 0, 0, 0, 0, 0, 0];
  state.means[2 * component] = 10;
  state.means[2 * component + 1] = 0.5;
  state.covariances = [1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1];
  state.covariances.splice(3 * component, 3, 0.3, 0.02, 0.01);
  state.history = { rate: 0.001, step: 50, slope: 0.02 };
  return state;
}

/** The documented predictive at k intervals for `known()`, written out term by term. */
function expected(k: number, rho = 0.5): { mean: number; base: number; changed: number; jump: number } {
  const v = 2;
  // G^k C G^kᵀ, element (1, 1).
  const carried = 0.3 + 2 * k * 0.02 + k * k * 0.01;
  // The steady regime's system noise W = V·[[rγ + rδ, rδ], [rδ, rδ]], carried j = 0 … k − 1 intervals on by G^j and summed.
  const [w11, w12, w22] = [v * (0.01 + 0.0001), v * 0.0001, v * 0.0001];
  let walk = 0;
  for (let j = 0; j < k; j++) walk += w11 + 2 * j * w12 + j * j * w22;
  // Observation noise (rε = 1 for steady, step and slope) accumulated as an AR(1): (1 − ρ^2k)/(1 − ρ²).
  const observation = rho > 0 ? (v * (1 - rho ** (2 * k))) / (1 - rho * rho) : v;
  return {
    mean: 10 + 0.5 * k + rho ** k * (11 - 10),
    base: carried + walk + observation,
    // A change within k intervals at 1/1000 each, of mean square size 50 (a step) or 0.02·k²/3 (a slope from a random start).
    changed: 1 - 0.999 ** k,
    jump: 50 + (0.02 * k * k) / 3,
  };
}

/** cdf of the two-Gaussian mixture `expected` describes. */
function mixtureCdf(e: ReturnType<typeof expected>, x: number): number {
  return (1 - e.changed) * normalCdf((x - e.mean) / Math.sqrt(e.base)) + e.changed * normalCdf((x - e.mean) / Math.sqrt(e.base + e.jump));
}

describe("forecast", () => {
  it("is empty before the warm-up ends", () => {
    expect(forecast(createFilterState(), params, [MINUTE])).toEqual([]);
    const warming = createFilterState();
    warming.lastTime = T0;
    expect(forecast(warming, params, [T0 + MINUTE])).toEqual([]);
  });

  it("refuses times not after the last point", () => {
    const state = known();
    expect(() => forecast(state, params, [T0])).toThrow(RangeError);
    expect(() => forecast(state, params, [T0 + MINUTE, T0 - 1])).toThrow(/after the last point/);
    expect(forecast(state, params, [])).toEqual([]);
  });

  it("gives the documented mean and variance k intervals ahead", () => {
    const times = [1, 2, 5, 60].map((k) => T0 + k * MINUTE);
    const result = forecast(known(), params, times);
    result.forEach((point, i) => {
      const k = [1, 2, 5, 60][i]!;
      const e = expected(k);
      expect(point.time).toBe(times[i]);
      expect(point.mean).toBeCloseTo(e.mean, 12);
      // All the Gaussians share the mean, so the variance is the base plus the change's share of its jump.
      expect(point.variance).toBeCloseTo(e.base + e.changed * e.jump, 10);
    });
    // k = 1 by hand: 0.3 + 0.04 + 0.01 carried, 0.0202 walk, 2 observation, 0.001·(50 + 0.0067) change.
    expect(result[0]!.variance).toBeCloseTo(0.35 + 0.0202 + 2 + 0.001 * (50 + 0.02 / 3), 12);
  });

  it("measures k in typical intervals, fractional ones included", () => {
    const state = known();
    state.interval = 2 * MINUTE;
    // 3 minutes = 1.5 intervals: the slope carries the level 0.75, the residual persists as 0.5^1.5.
    const [point] = forecast(state, params, [T0 + 3 * MINUTE]);
    expect(point!.mean).toBeCloseTo(10 + 0.75 + 0.5 ** 1.5, 12);
  });

  it("ignores ρ when the policy turns autocorrelation off", () => {
    const off = filterParams(resolvePolicy([{ filter: { autocorrelation: "off" } }]), { direction: "up", kind: "raw" });
    const [point] = forecast(known(), off, [T0 + 5 * MINUTE]);
    const e = expected(5, 0);
    expect(point!.mean).toBeCloseTo(10 + 2.5, 12);
    expect(point!.variance).toBeCloseTo(e.base + e.changed * e.jump, 10);
  });

  it("leaves the transient regime's observation noise out: an outlier is not foreseeable", () => {
    // The same numbers on the transient component forecast exactly as on the steady one (rε = 50 is not used).
    const [steady] = forecast(known(0), params, [T0 + 5 * MINUTE]);
    const [transient] = forecast(known(3), params, [T0 + 5 * MINUTE]);
    expect(transient!.mean).toBeCloseTo(steady!.mean, 12);
    expect(transient!.variance).toBeCloseTo(steady!.variance, 12);
  });

  it("gives bands that are the mixture's own quantiles", () => {
    for (const k of [1, 60, 600]) {
      const [point] = forecast(known(), params, [T0 + k * MINUTE]);
      const e = expected(k);
      const [b80, b95] = point!.intervals;
      expect([b80!.level, b95!.level]).toEqual([0.8, 0.95]);
      expect(mixtureCdf(e, b80!.lower)).toBeCloseTo(0.1, 6);
      expect(mixtureCdf(e, b80!.upper)).toBeCloseTo(0.9, 6);
      expect(mixtureCdf(e, b95!.lower)).toBeCloseTo(0.025, 6);
      expect(mixtureCdf(e, b95!.upper)).toBeCloseTo(0.975, 6);
    }
  });

  it("is not mean ± z·sd: a rare wide change leaves the bulk's bands narrow", () => {
    const state = known();
    state.history = { rate: 0.05, step: 10_000, slope: 0 };
    const [point] = forecast(state, params, [T0 + MINUTE]);
    const [b80] = point!.intervals;
    // sd ≈ √(2.37 + 0.05·10,000) ≈ 22.4, so mean ± 1.28 sd would be ±28.7; 95% of paths have no change and sd 1.54.
    const half = (b80!.upper - b80!.lower) / 2;
    expect(half).toBeLessThan(3);
    expect(1.2816 * Math.sqrt(point!.variance)).toBeGreaterThan(25);
  });

  it("is a single Gaussian, with bands mean ± z·sd, when the series shows no level changes at all", () => {
    const state = known();
    state.history = { rate: 0, step: 50, slope: 0.02 };
    const [point] = forecast(state, params, [T0 + 5 * MINUTE]);
    const e = expected(5);
    expect(point!.variance).toBeCloseTo(e.base, 10);
    expect(point!.intervals[0]!.lower).toBeCloseTo(e.mean - 1.2815515655446004 * Math.sqrt(e.base), 6);
    expect(point!.intervals[1]!.upper).toBeCloseTo(e.mean + 1.959963984540054 * Math.sqrt(e.base), 6);
  });

  it("gives any requested levels", () => {
    const [point] = forecast(known(), params, [T0 + MINUTE], [0.5]);
    expect(point!.intervals).toHaveLength(1);
    expect(mixtureCdf(expected(1), point!.intervals[0]!.lower)).toBeCloseTo(0.25, 6);
  });
});
