import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams, type FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent, FilteredOutput, FilterOutput } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries, type Series, type SeriesOptions } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

/** End-to-end behaviour of one update: time, warm-up, outputs, gaps, seasonality, episodes, known levels, spikes. */
const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

interface Run {
  state: FilterState;
  outputs: FilterOutput[];
  events: (ChangeEvent & { at: number })[];
}

function feed(series: Series, with_: FilterParams = params, state = createFilterState()): Run {
  const outputs = series.values.map((value, i) => updateFilter(state, series.times[i]!, value, with_));
  const events = outputs.flatMap((o, i) => (o.phase === "skipped" ? [] : o.events.map((e) => ({ ...e, at: i + 1 }))));
  return { state, outputs, events };
}

const run = (seed: number, options: SeriesOptions, with_: FilterParams = params) =>
  feed(syntheticSeries(seededRandom(seed), options), with_);
const pages = (r: Run) => r.events.filter((e) => e.type === "confirmed");
const filtered = (o: FilterOutput | undefined): FilteredOutput => {
  if (o?.phase !== "filtering") throw new Error(`expected a filtered output, got ${o?.phase}`);
  return o;
};

describe("updateFilter: input and time", () => {
  it("refuses a value or time that is not a finite number", () => {
    const state = createFilterState();
    expect(() => updateFilter(state, 0, Number.NaN, params)).toThrow(RangeError);
    expect(() => updateFilter(state, 0, Infinity, params)).toThrow(/finite number, got Infinity/);
    expect(() => updateFilter(state, Number.NaN, 1, params)).toThrow(/filter time must be a finite number of milliseconds/);
    expect(state).toEqual(createFilterState());
  });

  it("skips a point not later than the last, leaving the state exactly as it was", () => {
    const { state } = run(1, { length: 100 });
    const before = structuredClone(state);
    expect(updateFilter(state, state.lastTime!, 100, params)).toEqual({
      phase: "skipped",
      time: state.lastTime,
      value: 100,
      reason: "duplicate-time",
    });
    expect(updateFilter(state, state.lastTime! - MINUTE, 1e9, params)).toMatchObject({ phase: "skipped", reason: "out-of-order" });
    expect(state).toEqual(before);
  });

  it("warms up on the first 20 points, reporting nothing, then filters", () => {
    const { state, outputs } = run(1, { length: 25, change: { kind: "step", at: 5, size: 20 } });
    expect(outputs.slice(0, 20).every((o) => o.phase === "warmup" && o.events.length === 0)).toBe(true);
    expect(outputs[0]).toEqual({
      phase: "warmup",
      point: 1,
      time: MINUTE,
      value: outputs[0]!.phase === "skipped" ? 0 : outputs[0]!.value,
      events: [],
    });
    expect(outputs[20]!.phase).toBe("filtering");
    expect(state.warmup).toEqual({ times: [], values: [] });
    expect(state.interval).toBe(MINUTE);
  });

  it("learns the typical interval and measures every output in it", () => {
    const { outputs } = run(2, { length: 300, interval: 5 * MINUTE, irregular: { gapProbability: 0, gap: 0 } });
    const last = filtered(outputs.at(-1));
    // Intervals uniform in 0.5–1.5 × 5 minutes: the tracked typical interval sits near the median, 5 minutes.
    expect(last.profile.interval).toBeGreaterThan(4.5 * MINUTE);
    expect(last.profile.interval).toBeLessThan(5.5 * MINUTE);
  });
});

describe("updateFilter: outputs", () => {
  it("reports consistent probabilities, prediction, residual and classification", () => {
    const { outputs } = run(3, { length: 300, change: { kind: "step", at: 250, size: 8 } });
    for (const o of outputs.slice(20).map(filtered)) {
      const p = Object.values(o.probabilities).reduce((a, b) => a + b, 0);
      const q = Object.values(o.previous).reduce((a, b) => a + b, 0);
      expect(p).toBeCloseTo(1, 9);
      expect(q).toBeCloseTo(1, 9);
      expect(o.residual).toBeCloseTo(o.value - o.prediction.mean, 9);
      expect(o.prediction.variance).toBeGreaterThan(0);
      expect(o.tail).toBeGreaterThan(0);
      expect(o.tail).toBeLessThanOrEqual(1 + 1e-9);
      const best = Object.entries(o.probabilities).reduce((a, b) => (b[1] > a[1] ? b : a));
      expect(o.classification).toBe(best[0]);
    }
    // The step's point is far out in the predictive: beyond the steady components entirely, so its tail
    // is what the transient regime (prior 0.04, variance 50V) leaves: 0.04·2Φ(−8/√50) ≈ 0.01.
    expect(filtered(outputs[249]).tail).toBeLessThan(0.02);
    expect(filtered(outputs[248]).tail).toBeGreaterThan(0.05);
  });

  it("gives the valence of the indicator's good direction: a rise is pain when down is good", () => {
    const down = filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw" });
    expect(pages(run(4, { length: 230, change: { kind: "step", at: 200, size: 6 } }, down))[0]).toMatchObject({
      valence: "pain",
      kind: "step",
      point: 200,
    });
    expect(pages(run(4, { length: 230, change: { kind: "step", at: 200, size: 6 } }))[0]).toMatchObject({ valence: "pleasure" });
  });

  it("bands a ratio index against its capability floor", () => {
    const productivity = filterParams(DEFAULT_POLICY, { direction: "up" });
    const { outputs } = run(5, { length: 300, level: 1, sigma: 0.02, change: { kind: "step", at: 200, size: -15 } }, productivity);
    expect(filtered(outputs[150]).band).toBe("normal");
    // 1 − 15·0.02 = 0.7, well below the 0.8 floor once the level has followed.
    expect(filtered(outputs.at(-1)).band).toBe("crisis");
    expect(filtered(outputs.at(-1)).badSide).toBeGreaterThan(0.9);
  });
});

describe("updateFilter: gaps", () => {
  const gapped = (gap: number): Series => {
    const series = syntheticSeries(seededRandom(6), { length: 600, change: { kind: "step", at: 301, size: 5 } });
    return { values: series.values, times: series.times.map((t, i) => (i >= 300 ? t + gap : t)) };
  };

  it("pages a 5σ shift across an hour's silence, when the level could have wandered 0.8σ", () => {
    expect(pages(feed(gapped(HOUR))).some((e) => e.at >= 301 && e.at <= 303)).toBe(true);
  });

  it("does not page the same shift across 45 hours, when the level could have wandered 5σ, and follows it", () => {
    const { events, outputs } = feed(gapped(45 * HOUR));
    expect(events.filter((e) => e.type === "confirmed" && e.at >= 301)).toEqual([]);
    expect(filtered(outputs.at(-1)).level.mean).toBeCloseTo(105, 0);
  });
});

describe("updateFilter: seasonality", () => {
  const square: SeriesOptions = { length: (10 * DAY) / (5 * MINUTE), interval: 5 * MINUTE, daily: { amplitude: 4, shape: "square" } };

  it("learns a daily square wave, then expects its edges instead of paging them", () => {
    const { outputs, events } = run(7, square);
    const active = outputs.findIndex((o) => o.phase === "filtering" && o.profile.period === DAY);
    expect(active).toBeGreaterThan((2 * DAY) / (5 * MINUTE));
    expect(active).toBeLessThan((5 * DAY) / (5 * MINUTE));
    expect(events.filter((e) => e.type === "confirmed" && e.at > active)).toEqual([]);
    expect(filtered(outputs.at(-1)).seasonal).not.toBe(0);
  });

  it("still pages a step on top of the learnt cycle", () => {
    const { events } = run(7, { ...square, change: { kind: "step", at: 2500, size: 6 } });
    expect(events.filter((e) => e.type === "confirmed" && e.at >= 2500 && e.at <= 2505)).toHaveLength(1);
  });

  it("learns nothing when seasonality is off", () => {
    const off = filterParams(resolvePolicy([{ filter: { seasonality: "off" } }]), { direction: "up", kind: "raw" });
    const { state, outputs } = run(7, square, off);
    expect(state.season.profiles).toEqual([null, null]);
    expect(outputs.every((o) => o.phase !== "filtering" || o.seasonal === 0)).toBe(true);
  });
});

describe("updateFilter: one change, one report", () => {
  it("pages a step once; a second step an hour later updates the episode; it settles after 6 quiet hours", () => {
    const series = syntheticSeries(seededRandom(8), { length: 900, change: { kind: "step", at: 200, size: 6 } });
    series.values = series.values.map((v, i) => (i + 1 >= 260 ? v + 6 : v));
    const { events } = feed(series);
    expect(events.filter((e) => e.type === "confirmed")).toHaveLength(1);
    expect(events.some((e) => e.type === "continued" && e.at >= 260 && e.at <= 262)).toBe(true);
    const settled = events.find((e) => e.type === "settled")!;
    // Quiet for 6 hours (360 one-minute points) after the last change or surprise.
    expect(settled.at).toBeGreaterThanOrEqual(261 + 360);
    expect(settled.magnitude).toBeCloseTo(12, 0);
  });

  it("reports a ramp as one episode that becomes a slope and settles once the level stops", () => {
    const series = syntheticSeries(seededRandom(9), { length: 1000, change: { kind: "slope", at: 200, size: 1 } });
    series.values = series.values.map((v, i) => (i + 1 >= 260 ? v - (i + 1 - 259) : v));
    const r = feed(series);
    expect(pages(r)).toHaveLength(1);
    const updates = r.events.filter((e) => e.type === "continued");
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.at(-1)!.kind).toBe("slope");
    expect(r.events.find((e) => e.type === "settled")!.kind).toBe("slope");
  });

  it("shows a recovery and the routine switches of a two-state series without paging them", () => {
    // 20 ↔ 80 every 8 hours (longer than the quiet time), σ = 1: up pages, down recovers, up again recurs once, then it is routine.
    const length = 3 * 24 * 60;
    const times = Array.from({ length }, (_, i) => (i + 1) * MINUTE);
    const random = seededRandom(10);
    const values = times.map((t) => (Math.floor(t / (8 * HOUR)) % 2 === 1 ? 80 : 20) + random.normal());
    const { events } = feed({ times, values });
    const switches = events.filter((e) => (e.type === "confirmed" || e.type === "annotated") && e.kind === "step");
    expect(switches.map((e) => `${e.type}:${e.valence}`)).toEqual([
      "confirmed:pleasure",
      "annotated:pain",
      "confirmed:pleasure",
      "annotated:pain",
      "annotated:pleasure",
      "annotated:pain",
      "annotated:pleasure",
      "annotated:pain",
    ]);
  });

  it("pages an extreme single value as a transient, but not a 10σ outlier", () => {
    // The spike threshold (15) is a normal equivalent through the Student t of the tests' young scale
    // (about 30 degrees of freedom at point 200): a 25σ value reads as 14.9, a 40σ one as 18.
    const spike = (size: number) => pages(run(11, { length: 230, change: { kind: "outlier", at: 200, size } }));
    expect(spike(40)).toEqual([expect.objectContaining({ kind: "transient", point: 200, at: 201 })]);
    expect(spike(25)).toEqual([]);
    expect(spike(10)).toEqual([]);
  });
});

describe("updateFilter: a state that cannot be used", () => {
  it("resets and says so rather than report anything", () => {
    const { state } = run(12, { length: 100 });
    state.noise.variance = Number.NaN;
    const output = updateFilter(state, state.lastTime! + MINUTE, 100, params);
    expect(output).toMatchObject({ phase: "warmup", events: [expect.objectContaining({ type: "reset" })] });
    expect(state.ready).toBe(false);
    expect(state.count).toBe(101);
  });
});
