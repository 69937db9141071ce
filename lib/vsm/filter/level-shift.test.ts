import { describe, expect, it } from "vitest";
import { emptyLevelShift, resetLevelShift, shiftExtent, shiftReference, updateLevelShift, type ShiftFound } from "@/lib/vsm/filter/level-shift";

const settings = { allowance: 0.75, threshold: 8 };
const RATE = 0.02;

/** Feeds values one a point (from point 1) with the filter's prediction f and variance 1; the first shift found, if any. */
function feed(values: readonly number[], f = 0): { found: ShiftFound | null; at: number } {
  const shift = emptyLevelShift();
  for (let i = 0; i < values.length; i++) {
    const found = updateLevelShift(shift, values[i]!, f, 1, i + 1, settings, RATE);
    if (found) return { found, at: i + 1 };
  }
  return { found: null, at: 0 };
}

const flat = (n: number, value = 0) => new Array<number>(n).fill(value);

describe("updateLevelShift", () => {
  it("starts from the filter's level and holds its sums while the reference settles", () => {
    const shift = emptyLevelShift();
    updateLevelShift(shift, 0, 5, 1, 1, settings, RATE);
    // Started at f = 5, worth 5 points; the value 0 pulls it by 1/6 of the clipped residual (−3).
    expect(shift.reference).toBeCloseTo(5 - 3 / 6, 12);
    expect(shift.up).toBe(0);
    expect(shift.down).toBe(0);
    // A 10σ jump within the hold cannot page, however long it lasts there.
    expect(feed([...flat(10), ...flat(4, 10)]).found).toBeNull();
  });

  it("confirms a sustained 3σ rise after the hold, dated to the point its run began", () => {
    const { found, at } = feed([...flat(40), ...flat(10, 3)]);
    expect(found).toEqual({ direction: 1, start: 41 });
    // Each point adds 3 − 0.75: the sum passes 8 on the fourth.
    expect(at).toBe(44);
  });

  it("confirms a sustained fall the same way", () => {
    expect(feed([...flat(40), ...flat(10, -3)]).found).toEqual({ direction: -1, start: 41 });
  });

  it("lets one outlier add at most the clip less the allowance", () => {
    expect(feed([...flat(40), 50, ...flat(40)]).found).toBeNull();
    expect(feed([...flat(40), 50, 50, 50]).found).toBeNull();
  });

  it("stays quiet on values at the reference and restarts after a shift or a reset", () => {
    expect(feed(flat(500, 2), 2).found).toBeNull();
    const shift = emptyLevelShift();
    let found: ShiftFound | null = null;
    for (let point = 1; point <= 60 && !found; point++) found = updateLevelShift(shift, point > 40 ? 4 : 0, 0, 1, point, settings, RATE);
    expect(found?.direction).toBe(1);
    expect(shift).toMatchObject({ count: 0, up: 0, down: 0 });
    updateLevelShift(shift, 4, 4, 1, 61, settings, RATE);
    expect(shift.reference).toBe(4);
    resetLevelShift(shift);
    expect(shift.count).toBe(0);
  });
});

describe("shiftReference and shiftExtent", () => {
  it("judge against the filter's prediction on a (re)start, else the reference; and measure the larger sum", () => {
    const shift = emptyLevelShift();
    expect(shiftReference(shift, 7)).toBe(7);
    updateLevelShift(shift, 7, 7, 1, 1, settings, RATE);
    expect(shiftReference(shift, 99)).toBe(shift.reference);
    shift.up = 2;
    shift.down = 3.5;
    expect(shiftExtent(shift)).toBe(3.5);
  });
});
