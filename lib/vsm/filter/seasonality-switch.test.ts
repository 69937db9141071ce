import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterState, SeasonState } from "@/lib/vsm/filter/schemas";
import { createSeason, seasonalValue, startSeason, stepSeason, switchSeason } from "@/lib/vsm/filter/seasonality";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

/** Switching the seasonal baseline in use, and the shadows' bounded learning (docs/domain.md, "Seasonality"). */

const FIVE = 5 * MINUTE;

/**
 * A state whose daily profile reads 2.87 at 1 h (node 12 at 2.88, mean 0.01) and whose weekly
 * profile reads −3.35 there (node 2 of 336 half-hours at −3.36, mean −0.01).
 */
function seasonal(withEpisode: boolean): FilterState {
  const state = createFilterState();
  startSeason(state.season, 0, 0, FIVE, 1);
  const [daily, weekly] = state.season.profiles;
  daily!.values[12] = 2.88;
  daily!.sum = 2.88;
  weekly!.values[2] = -3.36;
  weekly!.sum = -3.36;
  state.means = [10, 0.5, 11, 0.6, 12, 0.7, 13, 0.8];
  state.noise.previousInput = 20;
  state.test.reference = 30;
  if (withEpisode) {
    state.episode = { kind: "step", sign: 1, lastSign: 1, lastConfirmed: 0, since: 0, point: 1, changes: 1, reference: 40, lastChange: 0 };
    state.levels = [
      { level: 50, time: 0, visits: 1 },
      { level: 60, time: 0, visits: 0 },
    ];
    state.normal = { level: 70, time: 0 };
  }
  return state;
}

/** Every level-like number switchSeason moves, in one list. */
function levels(state: FilterState): number[] {
  return [
    state.means[0]!,
    state.means[2]!,
    state.means[4]!,
    state.means[6]!,
    state.noise.previousInput,
    state.test.reference,
    state.episode?.reference ?? 0,
    ...state.levels.map((l) => l.level),
    state.normal?.level ?? 0,
  ];
}

describe("switchSeason", () => {
  it("moves every level by exactly the difference in seasonal part, leaving the slopes", () => {
    const state = seasonal(true);
    expect(seasonalValue(state.season, 1, HOUR)).toBeCloseTo(2.87, 12);
    expect(seasonalValue(state.season, 2, HOUR)).toBeCloseTo(-3.35, 12);
    const before = levels(state);
    switchSeason(state, 1, HOUR);
    expect(state.season.active).toBe(1);
    // None → daily: the daily part 2.87 is now removed from the input, so every level drops by it.
    levels(state).forEach((level, i) => expect(level).toBeCloseTo(before[i]! - 2.87, 12));
    expect([state.means[1], state.means[3], state.means[5], state.means[7]]).toEqual([0.5, 0.6, 0.7, 0.8]);
    // Daily → weekly: by −3.35 − 2.87 = −6.22, i.e. up 6.22.
    switchSeason(state, 2, HOUR);
    expect(state.season.active).toBe(2);
    levels(state).forEach((level, i) => expect(level).toBeCloseTo(before[i]! + 3.35, 12));
    // Weekly → none: back where it started.
    switchSeason(state, 0, HOUR);
    levels(state).forEach((level, i) => expect(level).toBeCloseTo(before[i]!, 12));
  });

  it("keeps the series as the filter sees it continuous: previous input plus seasonal part is unchanged", () => {
    const state = seasonal(false);
    const seen = () => state.noise.previousInput + seasonalValue(state.season, state.season.active, HOUR);
    const value = seen();
    for (const next of [2, 1, 0, 1]) {
      switchSeason(state, next, HOUR);
      expect(seen()).toBeCloseTo(value, 12);
    }
    // Without an episode, remembered levels or a normal level, there is nothing else to move.
    expect(state.episode).toBeNull();
    expect(state.normal).toBeNull();
  });

  it("moves by the seasonal parts at the switch's own time", () => {
    const state = seasonal(false);
    // At 2 h both profiles read only their means' negatives: −0.01 and +0.01.
    switchSeason(state, 2, 2 * HOUR);
    expect(state.test.reference).toBeCloseTo(30 - 0.01, 12);
  });
});

describe("the shadows", () => {
  /** A season that has adopted the daily profile of a 3σ square wave over 5 days; returns it and the last time. */
  function adopted(): { season: SeasonState; time: number } {
    const { times, values } = syntheticSeries(seededRandom(1), {
      length: 5 * 288,
      interval: FIVE,
      daily: { amplitude: 3, shape: "square" },
    });
    const season = createSeason();
    startSeason(season, times[0]!, values[0]!, FIVE, 1);
    for (let i = 1; i < values.length; i++)
      season.active = stepSeason(season, { time: times[i]!, value: values[i]!, elapsedTime: FIVE, interval: FIVE, floor: 0, gain: 0.02 });
    expect(season.active).toBe(1);
    return { season, time: times[times.length - 1]! };
  }

  for (const extreme of [1e300, -1e300]) {
    it(`bound each deviation at 10 RMS, so a value of ${extreme} neither breaks them nor flips the choice`, () => {
      const { season, time } = adopted();
      const clean = structuredClone(season);
      const errors = season.shadows.map((s) => s.error);
      const step = (s: SeasonState, t: number, value: number) =>
        stepSeason(s, { time: t, value, elapsedTime: FIVE, interval: FIVE, floor: 0, gain: 0.02 });
      expect(step(season, time + FIVE, extreme)).toBe(1);
      // Each error grows by the same bounded factor: decay + (1 − decay)·10², with decay = e^(−5 min / 1 day).
      const decay = Math.exp(-FIVE / DAY);
      season.shadows.forEach((shadow, c) => {
        expect(Number.isFinite(shadow.level)).toBe(true);
        expect(shadow.error).toBeCloseTo(errors[c]! * (decay + (1 - decay) * 100), 9);
      });
      expect(season.profiles.every((p) => p !== null && Number.isFinite(p.baseline) && p.values.every(Number.isFinite))).toBe(true);
      // A day of the same series afterwards: the same choice at every point as without the extreme value.
      const { values } = syntheticSeries(seededRandom(2), { length: 288, interval: FIVE, daily: { amplitude: 3, shape: "square" } });
      step(clean, time + FIVE, 100);
      values.forEach((value, i) => {
        const t = time + (i + 2) * FIVE;
        expect(step(season, t, value)).toBe(step(clean, t, value));
      });
    });
  }
});
