import { describe, expect, it } from "vitest";
import { emptyHistory } from "@/lib/vsm/filter/change-history";
import { createTests } from "@/lib/vsm/filter/change-test";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { estimateVariance, firstDifferences, median, spreadVariance } from "@/lib/vsm/filter/estimate-variance";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { initialiseFilter } from "@/lib/vsm/filter/initialise-filter";
import { createEvidence, mixtureStep, type Mixture } from "@/lib/vsm/filter/mixture-step";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { createSeason } from "@/lib/vsm/filter/seasonality";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { mixtureMoments } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

function initialised(times: number[], values: number[], with_ = params): FilterState {
  const state = createFilterState();
  state.warmup = { times, values };
  initialiseFilter(state, with_);
  return state;
}

const minutes = (length: number) => Array.from({ length }, (_, i) => (i + 1) * MINUTE);
const level = (state: FilterState) => mixtureMoments(state.weights, state.means, state.covariances, 0);
const slope = (state: FilterState) => mixtureMoments(state.weights, state.means, state.covariances, 1);
const finite = (state: FilterState) =>
  [...state.weights, ...state.means, ...state.covariances, ...Object.values(state.noise)].every(Number.isFinite);

describe("initialiseFilter", () => {
  it("learns V and its dof from the window", () => {
    const { times, values } = syntheticSeries(seededRandom(1), { length: 21, sigma: 2 });
    const state = initialised(times, values);
    expect(state.ready).toBe(true);
    expect(state.warmup).toEqual({ times: [], values: [] });
    expect(state.interval).toBe(MINUTE);
    // Unrounded noise: the smallest difference seen (0.34) puts the floor at 0.03, far below the noise,
    // so V is the window's estimate, worth (21 − 1)/2 dof.
    expect(state.noise.resolution).toBeCloseTo(0.343, 3);
    expect(state.noise.variance).toBe(estimateVariance(values));
    expect(state.noise.variance).toBeGreaterThan(1.5);
    expect(state.noise.variance).toBeLessThan(8);
    expect(state.noise.dof).toBe(10);
    expect(state.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    // The last value is remembered for the first filtered point.
    expect(state.noise).toMatchObject({
      previousValue: values[20],
      previousInput: values[20],
      previousResidual: values[20]! - level(state).mean,
    });
  });

  it("follows a trend through the window, V floored by the trend's resolution", () => {
    // Differences 2.5, 1.5, 1.5, 2.5, …: their estimate is 0.25/0.97334/2 = 0.128, but the data move
    // in steps of at least 1.5, so V is the floor (1.5/2)² = 0.5625.
    const wobble = [0, 0.5, 0, -0.5];
    const values = Array.from({ length: 21 }, (_, i) => 50 + 2 * i + wobble[i % 4]!);
    const state = initialised(minutes(21), values);
    expect(estimateVariance(values)).toBeCloseTo(0.25 / 0.97334 / 2, 5);
    expect(state.noise.resolution).toBe(1.5);
    expect(state.noise.variance).toBe(0.5625);
    expect(level(state).mean).toBeCloseTo(90, 0);
    expect(slope(state).mean).toBeCloseTo(2, 1);
  });

  it("starts every regime at the window's median, not its first value", () => {
    // Median 10, median difference 0: from there every prediction is exact and nothing moves. Started at
    // 50 instead, the level would still be on its way down after 19 values of 10.
    const state = initialised(minutes(20), [50, ...new Array<number>(19).fill(10)]);
    for (let j = 0; j < 4; j++) {
      expect(state.means[2 * j]).toBeCloseTo(10, 12);
      expect(state.means[2 * j + 1]).toBeCloseTo(0, 12);
    }
  });

  it("is the documented procedure: median start, median slope per interval, the mixture run over the window with V fixed", () => {
    // Irregular sampling (0.5–1.5 minutes, gaps of up to 5) and a trend of 0.3σ a minute.
    const { times, values } = syntheticSeries(seededRandom(6), {
      length: 20,
      irregular: { gapProbability: 0.2, gap: 5 },
      change: { kind: "slope", at: 1, size: 0.3 },
    });
    const state = initialised(times, values);
    const interval = median(firstDifferences(times));
    const v = state.noise.variance;
    const perInterval = firstDifferences(values).map((d, i) => (d * interval) / (times[i + 1]! - times[i]!));
    const expected: Mixture = {
      weights: params.prior.slice(),
      means: [0, 1, 2, 3].flatMap(() => [median(values), median(perInterval)]),
      covariances: [0, 1, 2, 3].flatMap(() => [v, 0, 2 * v]),
    };
    const evidence = createEvidence();
    for (let i = 1; i < 20; i++)
      mixtureStep(
        expected,
        values[i]!,
        params,
        { variance: v, dof: 9.5, elapsed: (times[i]! - times[i - 1]!) / interval, persistence: 0, previousInput: values[i - 1]! },
        evidence,
      );
    expect(state.interval).toBe(interval);
    expect(state.noise.variance).toBe(v);
    expect({ weights: state.weights, means: state.means, covariances: state.covariances }).toEqual(expected);
    // The medians differ per interval and as sampled, so the time scaling is seen.
    expect(median(perInterval)).not.toBeCloseTo(median(firstDifferences(values)), 2);
  });

  it("measures the slope per typical interval from irregular times", () => {
    // Intervals 120, 30, 60 s repeating (median 60 s); the values rise 2 per minute: 1, 4 and 2 per interval
    // as sampled, 2 per typical interval.
    const intervals = [60, 120, 30];
    const times = [MINUTE];
    for (let i = 1; i < 20; i++) times.push(times[i - 1]! + intervals[i % 3]! * 1000);
    const values = times.map((t) => 5 + (2 * (t - MINUTE)) / MINUTE);
    const state = initialised(times, values);
    expect(state.interval).toBe(MINUTE);
    expect(slope(state).mean).toBeCloseTo(2, 1);
    expect(level(state).mean).toBeCloseTo(values[19]!, 0);
  });

  it("takes the resolution and V's floor from the window", () => {
    // Counts that move by one, once, first: resolution 1, floor (1/2)² = 0.25 above the mean square 1/19/2 = 0.026.
    const counts = initialised(minutes(20), [6, ...new Array<number>(19).fill(5)]);
    expect(counts.noise.resolution).toBe(1);
    expect(counts.noise.variance).toBe(0.25);
    // A constant window has no resolution: the floor is the precision of its magnitude, (1e-12·3)².
    const constant = initialised(minutes(20), new Array<number>(20).fill(3));
    expect(constant.noise.resolution).toBe(0);
    expect(constant.noise.variance).toBeCloseTo(9e-24, 35);
    expect(level(constant).mean).toBeCloseTo(3, 12);
    expect(slope(constant).mean).toBeCloseTo(0, 12);
  });

  it("starts the change tests, the change history and the seasonal learning", () => {
    const { times, values } = syntheticSeries(seededRandom(2), { length: 20 });
    const state = initialised(times, values);
    const v = state.noise.variance;
    expect(state.noise.dof).toBe(9.5);
    // The tests' yardstick starts at V or the window's spread about its line, whichever is wider.
    expect(state.test).toEqual(createTests(Math.max(v, spreadVariance(values)), 9.5));
    expect(state.history).toEqual(emptyHistory(v));
    expect(state.season.since).toBe(times[19]);
    // One point a minute: both the daily and the weekly profile have enough points per cycle.
    expect(state.season.profiles.every((profile) => profile !== null)).toBe(true);
    for (const shadow of state.season.shadows) expect(shadow).toEqual({ level: values[19], error: expect.closeTo(v, 12) });
    // Without seasonality the season is left as created.
    const off = initialised(
      times,
      values,
      filterParams(resolvePolicy([{ filter: { seasonality: "off" } }]), { direction: "up", kind: "raw" }),
    );
    expect(off.season).toEqual(createSeason());
  });

  it("starts finite and near the median with an outlier or an extreme value in the window", () => {
    for (const position of [0, 1, 7, 18]) {
      for (const odd of [200, 1e200, -1e200]) {
        const { times, values } = syntheticSeries(seededRandom(4), { length: 20 });
        values[position] = odd;
        const state = initialised(times, values);
        expect(finite(state)).toBe(true);
        // Noise σ = 1 about 100; the median of the window is 99.6.
        expect(Math.abs(level(state).mean - 100)).toBeLessThan(1);
        expect(state.noise.variance).toBeLessThan(3);
      }
    }
  });

  it("stays finite with an extreme last value, the transient component holding the median", () => {
    // Nothing follows the last value to tell an outlier from a step: the transient component
    // (weight 0.99) keeps the level at the median, the others are pulled as far as the clip lets them.
    const { times, values } = syntheticSeries(seededRandom(4), { length: 20 });
    values[19] = 1e200;
    const state = initialised(times, values);
    expect(finite(state)).toBe(true);
    expect(state.weights[3]).toBeGreaterThan(0.98);
    expect(Math.abs(state.means[6]! - 100)).toBeLessThan(1);
  });
});
