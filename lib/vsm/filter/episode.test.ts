import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { episodeView, noteActivity, recordChange, settleEpisode, type ConfirmedChange } from "@/lib/vsm/filter/episode";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
const QUIET = 6 * HOUR;

/** One point a minute, deviations of sd 1. */
function fresh(): FilterState {
  const state = createFilterState();
  state.interval = MINUTE;
  state.test.scale = 1;
  return state;
}

const step = (sign: 1 | -1, magnitude: number, time: number, point = 1): ConfirmedChange => ({
  kind: "step",
  sign,
  point,
  time,
  magnitude,
  score: 5,
});

describe("recordChange", () => {
  it("starts an episode with the first confirmed change and pages (confirmed)", () => {
    const state = fresh();
    const event = recordChange(state, step(1, 10, 1000, 7), 1060, 100, params);
    expect(event).toEqual({ type: "confirmed", kind: "step", point: 7, time: 1000, valence: "pleasure", magnitude: 10, score: 5 });
    expect(state.episode).toEqual({
      kind: "step",
      sign: 1,
      lastSign: 1,
      since: 1000,
      point: 7,
      changes: 1,
      reference: 100,
      lastChange: 1060,
      lastConfirmed: 1060,
    });
    // It remembers the level it left, and that as the normal level to recover to.
    expect(state.normal).toEqual({ level: 100, time: 1060 });
    expect(state.levels).toEqual([{ level: 100, time: 1060, visits: 0 }]);
    expect(episodeView(state.episode, params)).toEqual({ kind: "step", valence: "pleasure", since: 1000, changes: 1, reference: 100 });
    // On a down-good indicator the same rise is pain.
    expect(recordChange(fresh(), step(1, 10, 0), 0, 100, filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw" })).valence).toBe(
      "pain",
    );
  });

  it("files later changes under the episode as continued, paging nobody", () => {
    const state = fresh();
    recordChange(state, step(1, 10, 0), 0, 100, params);
    // A reversal an hour later: still the same episode, still a step.
    const event = recordChange(state, step(-1, -10, HOUR, 60), HOUR, 110, params);
    expect(event).toMatchObject({ type: "continued", kind: "step", point: 60, valence: "pain", magnitude: -10 });
    expect(state.episode).toMatchObject({
      kind: "step",
      sign: 1,
      lastSign: -1,
      changes: 2,
      reference: 100,
      lastChange: HOUR,
      lastConfirmed: HOUR,
    });
    expect(state.normal).toEqual({ level: 100, time: 0 });
  });

  it("makes a step episode a slope on a same-direction change within 20 typical intervals", () => {
    const state = fresh();
    recordChange(state, step(1, 4, 0), 0, 100, params);
    // 20 intervals exactly is still within.
    expect(recordChange(state, step(1, 4, 20 * MINUTE), 20 * MINUTE, 104, params)).toMatchObject({ type: "continued", kind: "slope" });
    expect(state.episode?.kind).toBe("slope");
  });

  it("keeps it a step for a reversal, after a long pause, or for a transient", () => {
    const reversal = fresh();
    recordChange(reversal, step(1, 4, 0), 0, 100, params);
    expect(recordChange(reversal, step(-1, -4, MINUTE), MINUTE, 104, params).kind).toBe("step");
    // The reversal is now the latest direction: a further fall soon after it is a ramp down.
    expect(recordChange(reversal, step(-1, -4, 5 * MINUTE), 5 * MINUTE, 100, params).kind).toBe("slope");

    const pause = fresh();
    recordChange(pause, step(1, 4, 0), 0, 100, params);
    expect(recordChange(pause, step(1, 4, 21 * MINUTE), 20 * MINUTE + 1, 104, params).kind).toBe("step");
    // The pause is counted from the last confirmed change, not the episode's start.
    expect(recordChange(pause, step(1, 4, 30 * MINUTE), 30 * MINUTE, 108, params).kind).toBe("slope");

    const spike = fresh();
    recordChange(spike, step(1, 4, 0), 0, 100, params);
    expect(
      recordChange(spike, { kind: "transient", sign: 1, point: 2, time: MINUTE, magnitude: 30, score: 30 }, MINUTE, 104, params),
    ).toMatchObject({ type: "continued", kind: "step" });
  });

  it("judges the pause by when the new change began, and takes a ramp-shaped change as a ramp after any pause", () => {
    // Confirmed 40 minutes after the last, but dated 5 minutes after it: the level never settled — a slow ramp.
    const slow = fresh();
    recordChange(slow, step(1, 4, 0), 0, 100, params);
    expect(recordChange(slow, step(1, 4, 5 * MINUTE), 40 * MINUTE, 104, params).kind).toBe("slope");
    // A change the shape fit calls a slope, the same way, hours later.
    const shaped = fresh();
    recordChange(shaped, step(1, 4, 0), 0, 100, params);
    expect(
      recordChange(shaped, { kind: "slope", sign: 1, point: 300, time: 5 * HOUR, magnitude: 0.3, score: 8 }, 5 * HOUR, 104, params).kind,
    ).toBe("slope");
    // The other way it is no ramp of this episode's.
    const against = fresh();
    recordChange(against, step(1, 4, 0), 0, 100, params);
    expect(
      recordChange(against, { kind: "slope", sign: -1, point: 300, time: 5 * HOUR, magnitude: -0.3, score: 8 }, 5 * HOUR, 104, params).kind,
    ).toBe("step");
  });

  it("measures the ramp window in the series' own typical interval", () => {
    const hourly = fresh();
    hourly.interval = HOUR;
    recordChange(hourly, step(1, 4, 0), 0, 100, params);
    // 19 hours is within 20 hourly intervals; at one point a minute it would be far beyond.
    expect(recordChange(hourly, step(1, 4, 19 * HOUR), 19 * HOUR, 104, params).kind).toBe("slope");
  });

  it("starts a slope episode directly for a slope, and keeps a slope a slope", () => {
    const state = fresh();
    expect(recordChange(state, { kind: "slope", sign: -1, point: 3, time: 0, magnitude: -0.5, score: 9 }, 0, 100, params)).toMatchObject({
      type: "confirmed",
      kind: "slope",
      valence: "pain",
    });
    expect(recordChange(state, step(1, 2, DAY), DAY, 90, params).kind).toBe("slope");
  });
});

describe("noteActivity and settleEpisode", () => {
  it("settles exactly `quiet` after the last change, not a millisecond before, remembering the settled level", () => {
    const state = fresh();
    recordChange(state, step(1, 10, 0), 0, 100, params);
    expect(settleEpisode(state, QUIET - 1, 360, 110, params)).toBeNull();
    expect(state.episode).not.toBeNull();
    const settled = settleEpisode(state, QUIET, 361, 110.5, params);
    expect(settled).toEqual({ type: "settled", kind: "step", point: 361, time: QUIET, valence: "pleasure", magnitude: 10.5, score: 0 });
    expect(state.episode).toBeNull();
    expect(episodeView(state.episode, params)).toBeNull();
    // The level it settled at is an arrival.
    expect(state.levels).toEqual([
      { level: 100, time: 0, visits: 0 },
      { level: 110.5, time: QUIET, visits: 1 },
    ]);
  });

  it("restarts the quiet time on activity and on every further change", () => {
    const state = fresh();
    recordChange(state, step(1, 10, 0), 0, 100, params);
    noteActivity(state, HOUR);
    expect(state.episode?.lastChange).toBe(HOUR);
    expect(settleEpisode(state, QUIET, 360, 110, params)).toBeNull();
    recordChange(state, step(1, 3, 2 * HOUR), 2 * HOUR, 110, params);
    expect(settleEpisode(state, HOUR + QUIET, 420, 113, params)).toBeNull();
    expect(settleEpisode(state, 2 * HOUR + QUIET, 480, 113, params)).toMatchObject({ type: "settled", magnitude: 13 });
  });

  it("does nothing without an episode", () => {
    const state = fresh();
    noteActivity(state, HOUR);
    expect(state.episode).toBeNull();
    expect(settleEpisode(state, DAY, 1, 100, params)).toBeNull();
    expect(state.levels).toEqual([]);
  });
});

describe("known levels through episodes", () => {
  /** A step from `from` to `to` at `time`, then (if it started an episode) settling there after the quiet time. */
  function switchLevel(state: FilterState, from: number, to: number, time: number): string {
    const sign = to > from ? 1 : -1;
    const event = recordChange(state, step(sign, to - from, time), time, from, params);
    if (state.episode) settleEpisode(state, time + QUIET, 1, to, params);
    return event.type;
  }

  it("annotates a recovery, pages the first recurrence of a state, and treats the third arrival as routine", () => {
    const state = fresh();
    // 100 → 110 pages; back to 100 is a recovery to the level before it.
    expect(switchLevel(state, 100, 110, 0)).toBe("confirmed");
    expect(switchLevel(state, 110, 100, 7 * HOUR)).toBe("annotated");
    expect(state.episode).toBeNull();
    // 110 again: arrived at once before, so this first recurrence still pages.
    expect(switchLevel(state, 100, 110, 8 * HOUR)).toBe("confirmed");
    expect(switchLevel(state, 110, 100, 15 * HOUR)).toBe("annotated");
    // Arrived at 110 twice within the day: switching there is routine.
    expect(switchLevel(state, 100, 110, 16 * HOUR)).toBe("annotated");
  });

  it("forgets after a day: the same switch pages again", () => {
    const state = fresh();
    switchLevel(state, 100, 110, 0);
    switchLevel(state, 110, 100, 7 * HOUR);
    switchLevel(state, 100, 110, 8 * HOUR);
    switchLevel(state, 110, 100, 15 * HOUR);
    // 110 last arrived at 14 h (8 h + quiet); a day and more after that it is news.
    expect(switchLevel(state, 100, 110, 14 * HOUR + DAY + 1)).toBe("confirmed");
  });

  it("never annotates a slope, even towards a known level", () => {
    const state = fresh();
    switchLevel(state, 100, 110, 0);
    const event = recordChange(
      state,
      { kind: "slope", sign: -1, point: 1, time: 7 * HOUR, magnitude: -10, score: 9 },
      7 * HOUR,
      110,
      params,
    );
    expect(event.type).toBe("confirmed");
  });
});
