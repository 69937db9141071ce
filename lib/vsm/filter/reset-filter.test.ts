import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { isUsable, resetFilter } from "@/lib/vsm/filter/reset-filter";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
const series = syntheticSeries(seededRandom(21), { length: 100 });

function running(): FilterState {
  const state = createFilterState();
  series.values.forEach((value, i) => updateFilter(state, series.times[i]!, value, params));
  return state;
}

/** Every number isUsable reads, as a setter. */
const numbers: [string, (state: FilterState, x: number) => void][] = [
  ["V", (s, x) => (s.noise.variance = x)],
  ["V's dof", (s, x) => (s.noise.dof = x)],
  ["autocorrelation", (s, x) => (s.noise.autocorrelation = x)],
  ["previous input", (s, x) => (s.noise.previousInput = x)],
  ["scale", (s, x) => (s.test.scale = x)],
  ["reference", (s, x) => (s.test.reference = x)],
  ["reference uncertainty", (s, x) => (s.test.uncertainty = x)],
  ...Array.from({ length: 12 }, (_, i): [string, (s: FilterState, x: number) => void] => [
    `covariance ${i}`,
    (s, x) => (s.covariances[i] = x),
  ]),
  ...Array.from({ length: 8 }, (_, i): [string, (s: FilterState, x: number) => void] => [`mean ${i}`, (s, x) => (s.means[i] = x)]),
  ...Array.from({ length: 4 }, (_, i): [string, (s: FilterState, x: number) => void] => [`weight ${i}`, (s, x) => (s.weights[i] = x)]),
];

describe("isUsable", () => {
  it("accepts a running state and a fresh one", () => {
    expect(isUsable(running())).toBe(true);
    expect(isUsable(createFilterState())).toBe(true);
  });

  it("refuses a state with any of its numbers NaN or infinite", () => {
    for (const [name, set] of numbers) {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        const state = running();
        set(state, bad);
        if (isUsable(state)) expect.fail(`${name} = ${bad} passed`);
      }
    }
  });

  it("refuses a state whose V or scale is not positive", () => {
    for (const bad of [0, -1e-12, -4]) {
      const noV = running();
      noV.noise.variance = bad;
      expect(isUsable(noV)).toBe(false);
      const noScale = running();
      noScale.test.scale = bad;
      expect(isUsable(noScale)).toBe(false);
    }
  });
});

describe("resetFilter", () => {
  it("starts afresh, keeping the count, the clock and the data's resolution, with the given points as the new warm-up", () => {
    const state = running();
    const lastTime = state.lastTime!;
    const { resolution } = state.noise;
    expect(resolution).toBeGreaterThan(0);
    resetFilter(state, [lastTime - MINUTE, lastTime], [1e9, 1.1e9]);
    const fresh = createFilterState();
    expect(state).toStrictEqual({
      ...fresh,
      count: 100,
      lastTime,
      noise: { ...fresh.noise, resolution },
      warmup: { times: [lastTime - MINUTE, lastTime], values: [1e9, 1.1e9] },
    });
  });

  it("keeps no resolution that is not a finite number", () => {
    const state = running();
    state.noise.resolution = Number.NaN;
    resetFilter(state, [], []);
    expect(state.noise.resolution).toBe(0);
  });

  it("warms up again from there: 18 more points make the 20", () => {
    const state = running();
    const lastTime = state.lastTime!;
    resetFilter(state, [lastTime - MINUTE, lastTime], [1e9, 1.1e9]);
    for (let i = 1; i <= 18; i++) {
      const output = updateFilter(state, lastTime + i * MINUTE, 1e9 + 1e7 * Math.sin(i), params);
      expect(output.phase).toBe("warmup");
      expect(output).toMatchObject({ point: 100 + i, events: [] });
      expect(state.ready).toBe(i === 18);
    }
    const next = updateFilter(state, lastTime + 19 * MINUTE, 1e9, params);
    expect(next.phase).toBe("filtering");
  });
});
