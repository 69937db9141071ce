import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterOutput } from "@/lib/vsm/filter/filter-output";
import { parseFilterState, type FilterState } from "@/lib/vsm/filter/schemas";
import { cloneFilterState, stepFilter } from "@/lib/vsm/filter/step-filter";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

/** Level 100, σ 1, one point a minute, an 8σ step at point 300. */
const series = syntheticSeries(seededRandom(8), { length: 310, change: { kind: "step", at: 300, size: 8 } });

/**
 * A state with every optional part populated: seasonal profiles (after the warm-up), an episode,
 * the level before it and the known levels (from the step's confirmation), a provisional change
 * pending (a 6σ value after it), and a held extreme value (1e12 after that).
 */
function populated(): FilterState {
  const state = createFilterState();
  series.values.forEach((value, i) => updateFilter(state, series.times[i]!, value, params));
  const last = series.times[309]!;
  updateFilter(state, last + MINUTE, 115, params);
  updateFilter(state, last + 2 * MINUTE, 1e12, params);
  return state;
}

/** Every object and array reachable from a value, with its path. */
function containers(value: unknown, path = "state", found = new Map<object, string>()): Map<object, string> {
  if (typeof value === "object" && value !== null) {
    found.set(value, path);
    for (const [key, child] of Object.entries(value)) containers(child, `${path}.${key}`, found);
  }
  return found;
}

// Fails at the time of writing: cloneFilterState does not copy `history` (the copy shares it), so
// stepFilter ages and updates the history of the state it was given (step-filter.ts).
describe("cloneFilterState", () => {
  it("copies a state with every optional part populated: equal, and sharing no object or array", () => {
    const state = populated();
    expect(state.season.profiles.every((profile) => profile !== null)).toBe(true);
    expect(state.episode).not.toBeNull();
    expect(state.normal).not.toBeNull();
    expect(state.levels.length).toBeGreaterThan(0);
    expect(state.test.pending).not.toBeNull();
    expect(state.extreme).toEqual({ time: series.times[309]! + 2 * MINUTE, value: 1e12 });
    expect(parseFilterState(state)).toStrictEqual(state);

    const copy = cloneFilterState(state);
    expect(copy).toStrictEqual(state);
    const originals = containers(state);
    const copies = containers(copy);
    // The state, noise, warm-up (2 arrays), mixture (3), season (profiles, 2 profiles and their values,
    // shadows and 3 shadows), test (tail, up, down, pending, deviations, times), episode, levels and
    // their entries, normal, history, extreme: the walk reaches them all.
    expect(copies.size).toBe(originals.size);
    expect(copies.size).toBeGreaterThan(30);
    const shared = [...copies].filter(([object]) => originals.has(object)).map(([, path]) => path);
    expect(shared).toEqual([]);
  });

  it("copies a fresh state (nulls and empty arrays) the same way", () => {
    const state = createFilterState();
    const copy = cloneFilterState(state);
    expect(copy).toStrictEqual(state);
    const originals = containers(state);
    expect([...containers(copy).keys()].filter((object) => originals.has(object))).toEqual([]);
  });
});

describe("stepFilter", () => {
  it("leaves its input untouched, whatever the point does", () => {
    const state = populated();
    const before = structuredClone(state);
    const last = state.lastTime!;
    // A normal value (drops the extreme, decides the pending change), an agreeing extreme (resets),
    // a point out of order (skipped).
    for (const [time, value] of [
      [last + MINUTE, 108],
      [last + MINUTE, 1.1e12],
      [last - MINUTE, 108],
    ] as const) {
      stepFilter(state, time, value, params);
      expect(state).toStrictEqual(before);
    }
  });

  it("gives exactly what updateFilter gives, point by point, warm-up and extremes included", () => {
    let pure = createFilterState();
    const inPlace = createFilterState();
    const { times, values } = series;
    const points: [number, number][] = values.map((value, i) => [times[i]!, value]);
    const end = times[309]!;
    points.push(
      [end + MINUTE, 115],
      [end + 2 * MINUTE, 1e12],
      [end + 3 * MINUTE, 1.1e12],
      [end + 3 * MINUTE, 5],
      [end + 4 * MINUTE, 1.2e12],
    );
    const phases = new Set<FilterOutput["phase"]>();
    for (const [time, value] of points) {
      const next = stepFilter(pure, time, value, params);
      const expected = updateFilter(inPlace, time, value, params);
      expect(next.output).toStrictEqual(expected);
      expect(next.state).toStrictEqual(inPlace);
      pure = next.state;
      phases.add(expected.phase);
    }
    expect([...phases].sort()).toEqual(["filtering", "held", "skipped", "warmup"]);
  });

  it("resumes exactly from a state stored as JSON midway", () => {
    const run = (state: FilterState, from: number, to: number) => {
      const outputs: FilterOutput[] = [];
      for (let i = from; i < to; i++) {
        const next = stepFilter(state, series.times[i]!, series.values[i]!, params);
        state = next.state;
        outputs.push(next.output);
      }
      return { state, outputs };
    };
    const straight = run(createFilterState(), 0, 310);
    for (const cut of [10, 20, 150, 300]) {
      const first = run(createFilterState(), 0, cut);
      const resumed = run(parseFilterState(JSON.parse(JSON.stringify(first.state))), cut, 310);
      expect([...first.outputs, ...resumed.outputs]).toStrictEqual(straight.outputs);
      // (Equal, not the same JSON text: a parsed state has its keys in the schema's order.)
      expect(resumed.state).toStrictEqual(straight.state);
    }
  });
});
