import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterOutput } from "@/lib/vsm/filter/filter-output";
import { parseFilterState, type FilterState } from "@/lib/vsm/filter/schemas";
import { cloneFilterState, stepFilter } from "@/lib/vsm/filter/step-filter";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

const params = filterParams(DEFAULT_POLICY, { direction: "up" });

function feed(state: FilterState, values: readonly number[]): { state: FilterState; outputs: FilterOutput[] } {
  const outputs: FilterOutput[] = [];
  for (const y of values) {
    const next = stepFilter(state, y, params);
    state = next.state;
    outputs.push(next.output);
  }
  return { state, outputs };
}

/** A productivity-like series with a step, a slope and an outlier, so every code path runs. */
const series = syntheticSeries(seededRandom(9), { length: 300, level: 1, sigma: 0.02, change: { kind: "step", at: 120, size: -6 } }).map(
  (y, i) => y + (i === 80 ? 0.3 : 0) + (i >= 200 ? 0.01 * (i - 199) : 0),
);

describe("stepFilter", () => {
  it("leaves the given state untouched", () => {
    const state = feed(createFilterState(), series.slice(0, 50)).state;
    const copy = structuredClone(state);
    stepFilter(state, 2, params);
    expect(state).toEqual(copy);
  });

  it("resumes exactly from a state stored as JSON midway: bit-identical outputs", () => {
    const straight = feed(createFilterState(), series);
    for (const cut of [10, 20, 150]) {
      const first = feed(createFilterState(), series.slice(0, cut));
      const stored = parseFilterState(JSON.parse(JSON.stringify(first.state)));
      const resumed = feed(stored, series.slice(cut));
      expect([...first.outputs, ...resumed.outputs]).toStrictEqual(straight.outputs);
      expect(JSON.stringify(resumed.state)).toBe(JSON.stringify(straight.state));
    }
    expect(straight.outputs.some((o) => o.phase === "filtering" && o.events.length > 0)).toBe(true);
  });

  it("round-trips any reachable state through JSON", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 120 }), (seed, length) => {
        const { state } = feed(createFilterState(), syntheticSeries(seededRandom(seed), { length, change: { kind: "outlier", at: 30, size: 15 } }));
        expect(parseFilterState(JSON.parse(JSON.stringify(state)))).toStrictEqual(state);
        expect(cloneFilterState(state)).toStrictEqual(state);
      }),
      { numRuns: 60 },
    );
  });
});
