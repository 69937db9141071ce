import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { initialiseFilter } from "@/lib/vsm/filter/initialise-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

describe("initialiseFilter", () => {
  it("starts from the window: V from its differences, level and slope run through it", () => {
    const wobble = [0, 0.5, 0, -0.5];
    const state = { ...createFilterState(), window: Array.from({ length: 21 }, (_, i) => 50 + 2 * i + wobble[i % 4]!) };
    initialiseFilter(state, params);
    expect(state.ready).toBe(true);
    expect(state.window).toEqual([]);
    // Differences are 2 ± 0.5 (ten of each), all kept by the 3-robust-sd screen: mean square 0.25,
    // corrected for the trimming of a normal at 3σ (E[x² | |x| < 3σ] = 0.97334σ²), halved.
    expect(state.variance).toBeCloseTo(0.25 / 0.97334 / 2, 5);
    expect(state.varianceDof).toBe(10);
    const level = state.weights.reduce((s, w, j) => s + w * state.means[2 * j]!, 0);
    const slope = state.weights.reduce((s, w, j) => s + w * state.means[2 * j + 1]!, 0);
    expect(level).toBeCloseTo(90, 0);
    expect(slope).toBeCloseTo(2, 1);
    expect(state.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it("gives a constant series the floor as V", () => {
    const state = { ...createFilterState(), window: Array.from({ length: 20 }, () => 3) };
    initialiseFilter(state, params);
    expect(state.variance).toBe(state.varianceFloor);
    expect(state.means[0]).toBeCloseTo(3, 12);
    expect(state.means[1]).toBeCloseTo(0, 12);
  });
});
