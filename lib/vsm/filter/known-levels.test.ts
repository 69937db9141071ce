import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { isKnownLevel, rememberLevel } from "@/lib/vsm/filter/known-levels";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { DAY, HOUR } from "@/lib/vsm/types";

/** sd 1 throughout: two levels within 3 of each other are the same level. */
const SD = 1;

function fresh(): FilterState {
  return createFilterState();
}

describe("rememberLevel", () => {
  it("adds a level, counting an arrival only when the series arrived at it", () => {
    const state = fresh();
    rememberLevel(state, 100, 0, SD, false);
    rememberLevel(state, 110, HOUR, SD, true);
    expect(state.levels).toEqual([
      { level: 100, time: 0, visits: 0 },
      { level: 110, time: HOUR, visits: 1 },
    ]);
  });

  it("merges a level within 3 sds into the one it matches: latest value and time, arrivals added", () => {
    const state = fresh();
    rememberLevel(state, 110, 0, SD, true);
    rememberLevel(state, 100, HOUR, SD, false);
    rememberLevel(state, 112.5, 2 * HOUR, SD, true);
    // 112.5 is 2.5 sds from 110: the same level, now held at 112.5, arrived at twice, and moved to the end.
    expect(state.levels).toEqual([
      { level: 100, time: HOUR, visits: 0 },
      { level: 112.5, time: 2 * HOUR, visits: 2 },
    ]);
    // 3 sds exactly is still the same level; just beyond it is another.
    rememberLevel(state, 115.5, 3 * HOUR, SD, false);
    expect(state.levels.map((l) => [l.level, l.visits])).toEqual([
      [100, 0],
      [115.5, 2],
    ]);
    rememberLevel(state, 118.51, 4 * HOUR, SD, true);
    expect(state.levels).toHaveLength(3);
  });

  it("keeps at most the 4 most recent levels", () => {
    const state = fresh();
    for (let i = 0; i < 5; i++) rememberLevel(state, 100 + 10 * i, i * HOUR, SD, true);
    expect(state.levels.map((l) => l.level)).toEqual([110, 120, 130, 140]);
  });

  it("forgets levels not held for more than a day, so their arrivals no longer count", () => {
    const state = fresh();
    rememberLevel(state, 110, 0, SD, true);
    rememberLevel(state, 110, HOUR, SD, true);
    // Exactly a day after the last arrival it is still known (2 arrivals); a millisecond later it is gone.
    rememberLevel(state, 200, HOUR + DAY, SD, false);
    expect(state.levels.map((l) => [l.level, l.visits])).toEqual([
      [110, 2],
      [200, 0],
    ]);
    rememberLevel(state, 110, HOUR + DAY + 1, SD, true);
    expect(state.levels.map((l) => [l.level, l.visits])).toEqual([
      [200, 0],
      [110, 1],
    ]);
  });
});

describe("isKnownLevel", () => {
  it("knows a recovery to the level held before the last episode, within a day of it", () => {
    const state = fresh();
    state.normal = { level: 100, time: 0 };
    expect(isKnownLevel(state, 101, 110, HOUR, SD)).toBe(true);
    expect(isKnownLevel(state, 97, 110, DAY, SD)).toBe(true);
    // More than 3 sds from it, or more than a day after it, it is news.
    expect(isKnownLevel(state, 96.9, 110, HOUR, SD)).toBe(false);
    expect(isKnownLevel(state, 100, 110, DAY + 1, SD)).toBe(false);
  });

  it("knows a level the series arrived at twice within the day, not once", () => {
    const state = fresh();
    rememberLevel(state, 110, 0, SD, true);
    expect(isKnownLevel(state, 110, 100, HOUR, SD)).toBe(false);
    rememberLevel(state, 110, 2 * HOUR, SD, true);
    expect(isKnownLevel(state, 111, 100, 3 * HOUR, SD)).toBe(true);
    expect(isKnownLevel(state, 114, 100, 3 * HOUR, SD)).toBe(false);
    expect(isKnownLevel(state, 110, 100, 2 * HOUR + DAY + 1, SD)).toBe(false);
  });

  it("does not count a level held only before a change (no arrivals)", () => {
    const state = fresh();
    rememberLevel(state, 110, 0, SD, false);
    rememberLevel(state, 110, HOUR, SD, false);
    expect(isKnownLevel(state, 110, 100, 2 * HOUR, SD)).toBe(false);
  });

  it("never calls a move within the level it starts from known", () => {
    const state = fresh();
    state.normal = { level: 100, time: 0 };
    rememberLevel(state, 100, 0, SD, true);
    rememberLevel(state, 100, 0, SD, true);
    // From 99 to 101: both within 3 sds of 99, so it is no move between levels at all.
    expect(isKnownLevel(state, 101, 99, HOUR, SD)).toBe(false);
  });

  it("scales its tolerance with the deviations' sd", () => {
    const state = fresh();
    state.normal = { level: 100, time: 0 };
    // 20 from the normal level: 4 sds of 5 (news), 2 sds of 10 (known) — from 300, far from both.
    expect(isKnownLevel(state, 120, 300, HOUR, 5)).toBe(false);
    expect(isKnownLevel(state, 120, 300, HOUR, 10)).toBe(true);
  });
});
