import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { parseFilterState, type FilterState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

function filtered(length: number): FilterState {
  const state = createFilterState();
  const { times, values } = syntheticSeries(seededRandom(3), { length, change: { kind: "step", at: 1500, size: 8 } });
  values.forEach((value, i) => updateFilter(state, times[i]!, value, params));
  return state;
}

const throughJson = (state: FilterState): unknown => JSON.parse(JSON.stringify(state));

/** The paths of the issues a parse fails with (it must fail). */
function refusal(value: unknown): PropertyKey[][] {
  try {
    parseFilterState(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ZodError);
    return (error as ZodError).issues.map((issue) => issue.path);
  }
  return expect.fail("the state parsed");
}

const shared = filtered(2000);

/** The state after filtering, with one part damaged. */
function damaged(edit: (state: FilterState) => void): FilterState {
  const state = structuredClone(shared);
  edit(state);
  return state;
}

describe("parseFilterState", () => {
  it("round-trips a fresh state through JSON", () => {
    expect(parseFilterState(throughJson(createFilterState()))).toStrictEqual(createFilterState());
  });

  it("round-trips a state after filtering 2,000 points, a step among them, through JSON", () => {
    expect(shared.ready).toBe(true);
    expect(shared.count).toBe(2000);
    expect(shared.season.profiles.every((profile) => profile !== null)).toBe(true);
    expect(shared.levels.length).toBeGreaterThan(0);
    expect(parseFilterState(throughJson(shared))).toStrictEqual(shared);
  });

  it("refuses a state of the time-blind filter (version 1)", () => {
    expect(refusal({ ...(throughJson(createFilterState()) as object), version: 1 })).toEqual([["version"]]);
  });

  it("refuses non-finite numbers, naming where they are", () => {
    expect(refusal(damaged((s) => (s.noise.variance = Number.NaN)))).toEqual([["noise", "variance"]]);
    expect(refusal(damaged((s) => (s.means[3] = Number.POSITIVE_INFINITY)))).toEqual([["means", 3]]);
    expect(refusal(damaged((s) => (s.test.tail[2] = Number.POSITIVE_INFINITY)))).toEqual([["test", "tail", 2]]);
    expect(refusal(damaged((s) => (s.season.profiles[0]!.values[5] = Number.NEGATIVE_INFINITY)))).toEqual([
      ["season", "profiles", 0, "values", 5],
    ]);
    expect(refusal(damaged((s) => (s.lastTime = Number.NaN)))).toEqual([["lastTime"]]);
  });

  it("refuses numbers out of their range, missing parts and unknown fields", () => {
    expect(refusal(damaged((s) => (s.noise.variance = 0)))).toEqual([["noise", "variance"]]);
    expect(refusal(damaged((s) => (s.weights = [1, 0, 0])))).toEqual([["weights"]]);
    const withoutHistory: Partial<FilterState> = { ...shared };
    delete withoutHistory.history;
    expect(refusal(withoutHistory)).toEqual([["history"]]);
    expect(refusal({ ...shared, variance: 1 })).toEqual([[]]);
  });
});
