import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { forecast } from "@/lib/vsm/filter/forecast";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { seasonalValue } from "@/lib/vsm/filter/seasonality";
import { syntheticSeries, type SeriesOptions } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/** The forecast of filtered series (docs/domain.md, "Forecasts"): shape of the bands, trend, seasonal part, coverage. */

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

function filtered(seed: number, options: Omit<SeriesOptions, "length"> & { length?: number } = {}): FilterState {
  const state = createFilterState();
  const { times, values } = syntheticSeries(seededRandom(seed), { length: 300, ...options });
  times.forEach((time, i) => updateFilter(state, time, values[i]!, params));
  return state;
}

const ahead = (state: FilterState, steps: number) => Array.from({ length: steps }, (_, k) => state.lastTime! + (k + 1) * MINUTE);

describe("forecast of a filtered series", () => {
  it("gives nested bands that widen with the horizon", () => {
    const state = filtered(1);
    const points = forecast(state, params, ahead(state, 120));
    const width = (i: number, band: number) => points[i]!.intervals[band]!.upper - points[i]!.intervals[band]!.lower;
    points.forEach((point, i) => {
      const [b80, b95] = point.intervals;
      expect(b95!.lower).toBeLessThan(b80!.lower);
      expect(b80!.lower).toBeLessThan(point.mean);
      expect(point.mean).toBeLessThan(b80!.upper);
      expect(b80!.upper).toBeLessThan(b95!.upper);
      if (i > 0) {
        expect(width(i, 0)).toBeGreaterThan(width(i - 1, 0));
        expect(width(i, 1)).toBeGreaterThan(width(i - 1, 1));
        expect(point.variance).toBeGreaterThan(points[i - 1]!.variance);
      }
    });
    // One step ahead on unit noise the 95% band is about ±2 (measured mean width 4.27 over many series).
    expect(width(0, 1)).toBeGreaterThan(3.5);
    expect(width(0, 1)).toBeLessThan(5);
  });

  it("follows a trend", () => {
    const state = createFilterState();
    const { times, values } = syntheticSeries(seededRandom(8), { length: 200, sigma: 0.5 });
    // 100 + 0.2 per minute: at point 200 the line is at 140; 20 minutes on, 144.
    times.forEach((time, i) => updateFilter(state, time, values[i]! + 0.2 * (i + 1), params));
    const [point] = forecast(state, params, [state.lastTime! + 20 * MINUTE]);
    expect(point!.mean).toBeGreaterThan(143);
    expect(point!.mean).toBeLessThan(145);
    const flat = filtered(8, { sigma: 0.5, length: 200 });
    expect(forecast(flat, params, [flat.lastTime! + 20 * MINUTE])[0]!.mean).toBeLessThan(101);
  });

  it("adds the seasonal part in use at each forecast time", () => {
    const state = filtered(2);
    const daily = state.season.profiles[0]!;
    // A made-up daily profile: node i at 0.01·i (every 5 minutes), in use.
    daily.values = daily.values.map((_, i) => 0.01 * i);
    daily.sum = daily.values.reduce((s, v) => s + v, 0);
    const seasonal = structuredClone(state);
    seasonal.season.active = 1;
    const times = ahead(state, 30);
    const plain = forecast(state, params, times);
    const withSeason = forecast(seasonal, params, times);
    times.forEach((time, i) => {
      const s = seasonalValue(seasonal.season, 1, time);
      expect(Math.abs(s)).toBeGreaterThan(0.5);
      expect(withSeason[i]!.mean).toBeCloseTo(plain[i]!.mean + s, 9);
      expect(withSeason[i]!.variance).toBeCloseTo(plain[i]!.variance, 9);
      expect(withSeason[i]!.intervals[1]!.upper).toBeCloseTo(plain[i]!.intervals[1]!.upper + s, 6);
    });
  });

  it("covers 80% and 95% of one-step outcomes on normal noise", () => {
    // 200 seeded series of 300 points; at each of the last 25, the band for the next point.
    let outcomes = 0;
    let in80 = 0;
    let in95 = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const state = createFilterState();
      const { times, values } = syntheticSeries(seededRandom(seed), { length: 300 });
      times.forEach((time, i) => {
        const y = values[i]!;
        if (i >= 275) {
          const [b80, b95] = forecast(state, params, [time])[0]!.intervals;
          outcomes += 1;
          if (y >= b80!.lower && y <= b80!.upper) in80 += 1;
          if (y >= b95!.lower && y <= b95!.upper) in95 += 1;
        }
        updateFilter(state, time, y, params);
      });
    }
    // Measured 79.0% and 94.6% here (binomial sd 0.6% and 0.3%); 79.8% and 94.8% over 40,200
    // outcomes at points 200–400; at the last point only, 82.0% and 94.5% of 200. The bands are
    // about 8% wider than the noise's own (the level's uncertainty), yet cover at their levels.
    expect(outcomes).toBe(5_000);
    expect(in80 / outcomes).toBeGreaterThan(0.77);
    expect(in80 / outcomes).toBeLessThan(0.83);
    expect(in95 / outcomes).toBeGreaterThan(0.93);
    expect(in95 / outcomes).toBeLessThan(0.97);
  }, 20_000);
});
