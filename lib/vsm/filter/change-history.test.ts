import { describe, expect, it } from "vitest";
import { emptyHistory, learnHistory } from "@/lib/vsm/filter/change-history";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { ChangeEvent } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";

function stateWith(variance: number): FilterState {
  const state = createFilterState();
  state.history = emptyHistory(variance);
  return state;
}

const event = (type: ChangeEvent["type"], kind: ChangeEvent["kind"], magnitude: number): ChangeEvent => ({
  type,
  kind,
  point: 1,
  time: 0,
  valence: "pain",
  magnitude,
  score: 0,
});

describe("emptyHistory", () => {
  it("starts from one change in 1,000 intervals, steps of 5 sds and slopes of 0.1 sd per interval", () => {
    // V = 4: mean square step 25·4 = 100 (5 sds of 2), slope 0.01·4 = 0.04 (0.1 sd = 0.2 per interval).
    expect(emptyHistory(4)).toEqual({ rate: 0.001, step: 100, slope: 0.04 });
  });
});

describe("learnHistory", () => {
  it("decays the rate by (1 − 1/1000) per typical interval, over fractional and long elapsed times", () => {
    const state = stateWith(1);
    learnHistory(state, [], 1);
    expect(state.history.rate).toBeCloseTo(0.001 * 0.999, 15);
    learnHistory(state, [], 999);
    // 1,000 intervals in all: 0.001·0.999^1000 ≈ 0.001·e^−1 ≈ 3.677e-4.
    expect(state.history.rate).toBeCloseTo(0.001 * Math.pow(0.999, 1000), 15);
    expect(state.history.rate).toBeCloseTo(3.677e-4, 6);
    learnHistory(state, [], 0.5);
    expect(state.history.rate).toBeCloseTo(0.001 * Math.pow(0.999, 1000.5), 15);
    // The sizes do not age.
    expect(state.history.step).toBe(25);
    expect(state.history.slope).toBe(0.01);
  });

  it("counts confirmed and continued changes and steps to a known level, each adding 1/1000 after the decay", () => {
    for (const counted of [event("confirmed", "step", 3), event("continued", "slope", 0.5), event("annotated", "step", 3)]) {
      const state = stateWith(1);
      learnHistory(state, [counted], 2);
      expect(state.history.rate).toBeCloseTo(0.001 * 0.999 ** 2 + 0.001, 15);
    }
    const state = stateWith(1);
    learnHistory(state, [event("confirmed", "step", 3), event("continued", "step", -3)], 1);
    expect(state.history.rate).toBeCloseTo(0.001 * 0.999 + 0.002, 15);
  });

  it("does not count transients, provisional or settling events, or resets", () => {
    const ignored = [
      event("annotated", "transient", 20),
      // The filter annotates steps to known levels only; anything else annotated is no level change it knows of.
      event("annotated", "slope", 1),
      // A 15-sd spike pages as a transient change, but the level did not change.
      event("confirmed", "transient", 20),
      event("continued", "transient", 20),
      event("raised", "step", 4),
      event("retracted", "step", 4),
      event("settled", "step", 4),
      event("reset", "step", 0),
    ];
    const state = stateWith(1);
    learnHistory(state, ignored, 1);
    expect(state.history).toEqual({ rate: 0.001 * 0.999, step: 25, slope: 0.01 });
  });

  it("keeps exponentially weighted mean squares of step and slope sizes (weight 0.1 each)", () => {
    const state = stateWith(1);
    learnHistory(state, [event("confirmed", "step", -3)], 1);
    // 25 + 0.1·(9 − 25) = 23.4; the slope's mean square is untouched.
    expect(state.history.step).toBeCloseTo(23.4, 12);
    expect(state.history.slope).toBe(0.01);
    learnHistory(state, [event("continued", "slope", 0.5)], 1);
    // 0.01 + 0.1·(0.25 − 0.01) = 0.034.
    expect(state.history.slope).toBeCloseTo(0.034, 12);
    expect(state.history.step).toBeCloseTo(23.4, 12);
    // Many steps of 2 bring the step's mean square to 4.
    for (let i = 0; i < 300; i++) learnHistory(state, [event("annotated", "step", 2)], 1);
    expect(state.history.step).toBeCloseTo(4, 6);
  });
});
