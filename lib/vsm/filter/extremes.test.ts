import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { EXTREME, holdExtreme } from "@/lib/vsm/filter/extremes";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent, FilterOutput } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
/** Level 100, σ 1, one point a minute; the last 20 points are kept for after the extremes. */
const series = syntheticSeries(seededRandom(17), { length: 220 });

/** The filter after 200 points. */
function running(): FilterState {
  const state = createFilterState();
  for (let i = 0; i < 200; i++) updateFilter(state, series.times[i]!, series.values[i]!, params);
  return state;
}

/** Feeds values one minute apart after the state's last time. */
function feed(state: FilterState, values: readonly number[]): FilterOutput[] {
  return values.map((value) => updateFilter(state, state.lastTime! + MINUTE, value, params));
}

const events = (output: FilterOutput | undefined): ChangeEvent[] => (output && output.phase !== "skipped" ? output.events : []);

describe("holdExtreme", () => {
  it("holds a value 1e6 sds off, changing nothing but `extreme`", () => {
    const state = running();
    const before = structuredClone(state);
    const time = state.lastTime! + MINUTE;
    const output = holdExtreme(state, time, 1e9, 1e9, 1, params);
    expect(output).toMatchObject({ phase: "held", point: 200, time, value: 1e9 });
    // One annotated transient; its magnitude is the distance from the prediction (about 100), its score that in sds.
    expect(events(output ?? undefined)).toHaveLength(1);
    const [event] = events(output ?? undefined);
    expect(event).toMatchObject({ type: "annotated", kind: "transient", point: 200, time, valence: "pleasure" });
    expect(event!.magnitude).toBeCloseTo(1e9 - 100, -1);
    expect(event!.score).toBeGreaterThan(EXTREME);
    expect(state).toStrictEqual({ ...before, extreme: { time, value: 1e9 } });
  });

  it("lets through a value well within 1e6 sds, dropping any value held", () => {
    const state = running();
    // √V ≈ 1 and the components' spread is below 1: 5e5 is within 1e6 sds, 5e6 beyond.
    expect(Math.sqrt(state.noise.variance)).toBeGreaterThan(0.7);
    expect(Math.sqrt(state.noise.variance)).toBeLessThan(1.4);
    const before = structuredClone(state);
    expect(holdExtreme(state, state.lastTime! + MINUTE, 100 + 5e5, 100 + 5e5, 1, params)).toBeNull();
    expect(state).toStrictEqual(before);
    expect(holdExtreme(state, state.lastTime! + MINUTE, 100 + 5e6, 100 + 5e6, 1, params)?.phase).toBe("held");
    expect(holdExtreme(state, state.lastTime! + 2 * MINUTE, 100, 100, 2, params)).toBeNull();
    expect(state.extreme).toBeNull();
  });

  it("widens the sd by the components' spread and uncertainty", () => {
    // 1e8 off is 1e8 sds of V alone; with the step component 1e4 above the rest (or the steady level
    // uncertain by 1e4), the sd is about 1e4 and the value is 1e4 sds off: not beyond any scale.
    const spread = running();
    spread.means[2] = spread.means[2]! + 1e4;
    expect(holdExtreme(spread, spread.lastTime! + MINUTE, 1e8, 1e8, 1, params)).toBeNull();
    const uncertain = running();
    uncertain.covariances[0] = 1e8;
    expect(holdExtreme(uncertain, uncertain.lastTime! + MINUTE, 1e8, 1e8, 1, params)).toBeNull();
    expect(holdExtreme(running(), spread.lastTime! + MINUTE, 1e8, 1e8, 1, params)?.phase).toBe("held");
  });

  it("predicts with the slope over the elapsed time", () => {
    // Every component rising 1 per interval: after 3e6 intervals the prediction is 100 + 3e6, so a value
    // there is ordinary, while 3e6 from the level alone would be 3e6 sds off.
    const state = running();
    for (let j = 0; j < 4; j++) state.means[2 * j + 1] = 1;
    expect(holdExtreme(state, state.lastTime! + 3e6 * MINUTE, 100 + 3e6, 100 + 3e6, 3e6, params)).toBeNull();
    expect(holdExtreme(state, state.lastTime! + MINUTE, 100 + 3e6, 100 + 3e6, 1, params)?.phase).toBe("held");
  });
});

describe("extreme values in the filter", () => {
  it("holds one back: annotated, the state unchanged but for `extreme` and the point's count and time", () => {
    const state = running();
    const before = structuredClone(state);
    const [output] = feed(state, [-1e200]);
    expect(output?.phase).toBe("held");
    expect(events(output)).toMatchObject([{ type: "annotated", kind: "transient", point: 201, valence: "pain" }]);
    const time = before.lastTime! + MINUTE;
    expect(state).toStrictEqual({ ...before, count: 201, lastTime: time, extreme: { time, value: -1e200 } });
  });

  it("resets when the next value agrees with the held one (nearer to it than half its distance from the level)", () => {
    const state = running();
    // |1.4e9 − 1e9| = 4e8 < 0.5·(1e9 − 100): the series now lives near 1e9.
    const [first, second] = feed(state, [1e9, 1.4e9]);
    expect(first?.phase).toBe("held");
    expect(second).toMatchObject({ phase: "warmup", point: 202, value: 1.4e9 });
    // A change beyond anything the state could measure pages, dated to the first of the two; then the filter says it restarted.
    expect(events(second)).toMatchObject([
      { type: "confirmed", kind: "step", point: 201, time: state.lastTime! - MINUTE, valence: "pleasure" },
      { type: "reset", kind: "step", point: 202, valence: "pleasure" },
    ]);
    expect(state.ready).toBe(false);
    expect(state.count).toBe(202);
    expect(state.warmup).toEqual({ times: [state.lastTime! - MINUTE, state.lastTime!], values: [1e9, 1.4e9] });
  });

  it("learns the jump as a difference of the data, so a noise-free series that sat still keeps its quantum across the reset", () => {
    // 20 for an hour, then 80 and 80: beyond any scale of a constant series — a page, a reset, and a resolution of 60.
    const state = createFilterState();
    const times = Array.from({ length: 62 }, (_, i) => (i + 1) * MINUTE);
    const outputs = times.map((t, i) => updateFilter(state, t, i < 60 ? 20 : 80, params));
    expect(outputs[60]?.phase).toBe("held");
    expect(outputs[61]).toMatchObject({ phase: "warmup", events: [{ type: "confirmed" }, { type: "reset" }] });
    expect(state.noise.resolution).toBe(60);
  });

  it("holds a second extreme that does not agree in its place", () => {
    for (const value of [1.6e9, -1e9]) {
      // |1.6e9 − 1e9| = 6e8 is more than half of 1e9 − 100; −1e9 is on the other side.
      const state = running();
      const [, second] = feed(state, [1e9, value]);
      expect(second?.phase).toBe("held");
      expect(events(second)).toMatchObject([{ type: "annotated", kind: "transient" }]);
      expect(state.extreme).toEqual({ time: state.lastTime, value });
      expect(state.ready).toBe(true);
    }
  });

  it("drops the held value when a normal one follows, and still detects an 8σ step", () => {
    const state = running();
    const [held, normal] = feed(state, [1e9, series.values[200]!]);
    expect(held?.phase).toBe("held");
    expect(normal?.phase).toBe("filtering");
    expect(state.extreme).toBeNull();
    // The remaining 19 points (203–221), 8σ up from the 5th (point 207) on: one page, dated to 207 and
    // given within 2 points of it, nothing but a raised-and-retracted surprise before it.
    const outputs = feed(
      state,
      series.values.slice(201).map((value, i) => value + (i >= 4 ? 8 : 0)),
    );
    const confirmed = outputs.flatMap(events).filter((event) => event.type === "confirmed");
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ kind: "step", valence: "pleasure", point: 207 });
    expect(outputs.findIndex((output) => events(output).some((event) => event.type === "confirmed"))).toBeLessThanOrEqual(4 + 2);
    expect(confirmed[0]!.magnitude).toBeGreaterThan(6);
    expect(
      outputs
        .slice(0, 4)
        .flatMap(events)
        .filter((event) => event.type !== "raised" && event.type !== "retracted"),
    ).toEqual([]);
  });

  it("warms up at the new scale after a reset and then detects an 8σ step there", () => {
    const state = running();
    feed(state, [1e9, 1.0001e9]);
    // The series now varies by σ = 1e3 about 1e9: 18 points complete the warm-up, then 10 more, then an 8σ step.
    const random = seededRandom(5);
    const values = Array.from({ length: 40 }, (_, i) => 1e9 + 1e3 * random.normal() + (i >= 28 ? 8e3 : 0));
    const outputs = feed(state, values);
    expect(outputs[17]?.phase).toBe("warmup");
    expect(outputs[18]?.phase).toBe("filtering");
    const pages = outputs.flatMap(events).filter((event) => event.type === "confirmed");
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ kind: "step", valence: "pleasure" });
    // Points 203… carry values[0…]: the step is at point 231, paged within 2 points of it.
    expect(pages[0]!.point).toBe(231);
    expect(outputs.findIndex((output) => events(output).some((event) => event.type === "confirmed"))).toBeLessThanOrEqual(28 + 2);
  });
});
