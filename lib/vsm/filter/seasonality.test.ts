import { describe, expect, it } from "vitest";
import { createSeason, seasonalValue, startSeason, stepSeason } from "@/lib/vsm/filter/seasonality";
import type { SeasonState } from "@/lib/vsm/filter/schemas";
import { readProfile } from "@/lib/vsm/filter/seasonal-profile";
import { syntheticSeries, type SeriesOptions } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

/**
 * Which seasonal baseline the filter uses (docs/domain.md, "Seasonality"), driven directly with
 * one point every 5 minutes and the reference's gain of 2% a point. The switch's effect on the
 * rest of the state is in seasonality-switch.test.ts.
 */

const FIVE = 5 * MINUTE;
const WEEK = 7 * DAY;
const GAIN = 0.02;

interface Switch {
  time: number;
  to: number;
}

/** Starts the season at the first point (as the warm-up's end does) and steps it through the rest, using each candidate it chooses. */
function drive(
  times: readonly number[],
  values: readonly number[],
  season: SeasonState = createSeason(),
): { season: SeasonState; switches: Switch[] } {
  startSeason(season, times[0]!, values[0]!, FIVE, 1);
  const switches: Switch[] = [];
  for (let i = 1; i < values.length; i++) {
    const next = stepSeason(season, {
      time: times[i]!,
      value: values[i]!,
      elapsedTime: times[i]! - times[i - 1]!,
      interval: FIVE,
      floor: 0,
      gain: GAIN,
    });
    if (next !== season.active) {
      switches.push({ time: times[i]!, to: next });
      season.active = next;
    }
  }
  return { season, switches };
}

function series(seed: number, days: number, extra: Partial<SeriesOptions> = {}) {
  return syntheticSeries(seededRandom(seed), { length: days * 288, interval: FIVE, ...extra });
}

describe("createSeason and startSeason", () => {
  it("creates no profiles and three shadows, and starts them at the end of the warm-up", () => {
    const season = createSeason();
    expect(season).toEqual({
      active: 0,
      since: 0,
      profiles: [null, null],
      shadows: [
        { level: 0, error: 1 },
        { level: 0, error: 1 },
        { level: 0, error: 1 },
      ],
    });
    startSeason(season, 6 * HOUR, 100, FIVE, 2);
    expect(season.since).toBe(6 * HOUR);
    // A day of 288 nodes and a week of 336 (capped from 2,016 five-minute steps), both at the baseline 100 with spread 2.
    expect(season.profiles.map((p) => [p?.period, p?.values.length, p?.baseline, p?.spread])).toEqual([
      [DAY, 288, 100, 2],
      [WEEK, 336, 100, 2],
    ]);
    expect(season.shadows).toEqual([
      { level: 100, error: 4 },
      { level: 100, error: 4 },
      { level: 100, error: 4 },
    ]);
  });

  it("has no daily profile when sampled every 4 hours (6 points a day), but a weekly one", () => {
    const season = createSeason();
    startSeason(season, 0, 0, 4 * HOUR, 1);
    expect(season.profiles[0]).toBeNull();
    expect(season.profiles[1]?.values).toHaveLength(42);
  });
});

describe("stepSeason without a daily profile", () => {
  it("never considers the daily candidate and leaves its shadow alone, however daily the series", () => {
    // Every 4 hours, a square wave over the day: too coarse for a daily profile (6 points a day).
    const times = Array.from({ length: 6 * 28 }, (_, i) => i * 4 * HOUR);
    const values = times.map((t) => (t % DAY < DAY / 2 ? 10 : 0));
    const season = createSeason();
    startSeason(season, times[0]!, values[0]!, 4 * HOUR, 1);
    for (let i = 1; i < times.length; i++) {
      const next = stepSeason(season, {
        time: times[i]!,
        value: values[i]!,
        elapsedTime: 4 * HOUR,
        interval: 4 * HOUR,
        floor: 0,
        gain: 0.5,
      });
      expect(next).not.toBe(1);
      season.active = next;
    }
    expect(season.shadows[1]).toEqual({ level: 10, error: 1 });
    // The weekly profile (42 nodes) learns the day's shape and, after two weeks, is used.
    expect(season.active).toBe(2);
  });
});

describe("seasonalValue", () => {
  it("is 0 for no candidate and for a candidate without a profile, the profile's reading otherwise", () => {
    const season = createSeason();
    expect(seasonalValue(season, 1, HOUR)).toBe(0);
    startSeason(season, 0, 0, 4 * HOUR, 1);
    const weekly = season.profiles[1]!;
    weekly.values[3] = 42;
    weekly.sum = 42;
    // Node 3 of 42 is at 12 h; the profile's mean is 1.
    expect(seasonalValue(season, 0, 12 * HOUR)).toBe(0);
    expect(seasonalValue(season, 1, 12 * HOUR)).toBe(0);
    expect(seasonalValue(season, 2, 12 * HOUR)).toBe(41);
    expect(seasonalValue(season, 2, 12 * HOUR)).toBe(readProfile(weekly, 12 * HOUR));
  });
});

describe("stepSeason", () => {
  it("adopts the daily profile on a 3σ daily square wave within a few days, never within two days of starting", () => {
    for (let seed = 1; seed <= 3; seed++) {
      const { times, values } = series(seed, 6, { daily: { amplitude: 3, shape: "square" } });
      const { switches } = drive(times, values);
      // Measured: at 2.6–3.5 days, and no other switch.
      expect(switches.map((s) => s.to)).toEqual([1]);
      expect(switches[0]!.time - times[0]!).toBeGreaterThanOrEqual(2 * DAY);
      expect(switches[0]!.time).toBeLessThan(4 * DAY);
    }
  });

  it("adopts the daily profile on a 3σ daily sine within a few days", () => {
    for (let seed = 1; seed <= 3; seed++) {
      const { times, values } = series(seed, 6, { daily: { amplitude: 3, shape: "sine" } });
      const { switches } = drive(times, values);
      // Measured: at 2.1–2.6 days.
      expect(switches.map((s) => s.to)).toEqual([1]);
      expect(switches[0]!.time).toBeLessThan(3 * DAY);
    }
  });

  it("waits two full periods even for an overwhelming cycle", () => {
    const { times, values } = series(1, 3, { daily: { amplitude: 10, shape: "square" } });
    const { switches } = drive(times, values);
    // Measured: adopted 2.00–2.02 days after starting, i.e. as soon as it is allowed.
    expect(switches).toHaveLength(1);
    expect(switches[0]!.time - times[0]!).toBeGreaterThanOrEqual(2 * DAY);
    expect(switches[0]!.time - times[0]!).toBeLessThan(2 * DAY + HOUR);
  });

  it("keeps no seasonal baseline on plain noise for two weeks", () => {
    for (let seed = 1; seed <= 3; seed++) {
      const { times, values } = series(seed, 14);
      const { season, switches } = drive(times, values);
      expect(switches).toEqual([]);
      // Each shadow's mean square deviation is about the noise's variance (measured 0.96–1.11).
      for (const shadow of season.shadows) expect(Math.abs(shadow.error - 1)).toBeLessThan(0.25);
    }
  });

  it("adopts the weekly profile when the weekend differs, as soon as it has seen two weeks", () => {
    for (let seed = 1; seed <= 2; seed++) {
      const { times, values } = series(seed, 21, { daily: { amplitude: 3, shape: "sine" } });
      // Days 5 and 6 of each week (counting from the epoch) run 4σ lower.
      const weekend = values.map((v, i) => v - (Math.floor(times[i]! / DAY) % 7 >= 5 ? 4 : 0));
      const { switches } = drive(times, weekend);
      expect(switches.map((s) => s.to)).toEqual([1, 2]);
      expect(switches[1]!.time - times[0]!).toBeGreaterThanOrEqual(2 * WEEK);
      expect(switches[1]!.time - times[0]!).toBeLessThan(2 * WEEK + DAY);
    }
  });

  it("keeps the daily profile when a week shows nothing more than its days", () => {
    const { times, values } = series(1, 28, { daily: { amplitude: 3, shape: "sine" } });
    const { season, switches } = drive(times, values);
    expect(switches.map((s) => s.to)).toEqual([1]);
    // The weekly shadow errs about as little (measured 1.11 against 1.19), not 10% less in RMS.
    expect(season.shadows[2]!.error).toBeGreaterThan(0.81 * season.shadows[1]!.error);
  });

  it("switches back to none when the cycle disappears", () => {
    for (let seed = 1; seed <= 3; seed++) {
      const cycle = series(seed, 16, { daily: { amplitude: 3, shape: "square" } });
      const plain = series(seed + 100, 16);
      const values = cycle.values.map((v, i) => (cycle.times[i]! > 8 * DAY ? plain.values[i]! : v));
      const { switches } = drive(cycle.times, values);
      // Measured: back to none 0.5–0.6 days after the cycle stopped, and no further switch.
      expect(switches.map((s) => s.to)).toEqual([1, 0]);
      expect(switches[1]!.time).toBeGreaterThan(8 * DAY);
      expect(switches[1]!.time).toBeLessThan(9 * DAY);
    }
  });
});
