import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SeasonalProfile } from "@/lib/vsm/filter/schemas";
import { createProfile, learnProfile, readProfile } from "@/lib/vsm/filter/seasonal-profile";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const WEEK = 7 * DAY;
const FIVE = 5 * MINUTE;

function profile(period: number, maxNodes: number, interval: number, baseline = 0, spread = 1): SeasonalProfile {
  const p = createProfile(period, maxNodes, interval, baseline, spread);
  if (!p) throw new Error("no profile at this interval");
  return p;
}

/** An 8-node profile over 8 s (a node every second) with the given values. */
function fixed(values: number[]): SeasonalProfile {
  const p = profile(8000, 8, 1000);
  p.values = [...values];
  p.sum = values.reduce((s, v) => s + v, 0);
  return p;
}

/** Feeds one period of `cycle` (the series' departure from the baseline) at the profile's node spacing, from `start`. */
function learnPeriod(p: SeasonalProfile, start: number, interval: number, cycle: (t: number) => number): number {
  let t = start;
  for (let i = 0; i < p.period / interval; i++) {
    t += interval;
    learnProfile(p, t, cycle(t), interval, interval, 0);
  }
  return t;
}

const sine = (t: number) => 3 * Math.sin((2 * Math.PI * t) / DAY);
/** A square wave of mean zero: +1.5 for the first half of each day, −1.5 for the second. */
const square = (t: number) => (t % DAY < DAY / 2 ? 1.5 : -1.5);

function worstError(p: SeasonalProfile, cycle: (t: number) => number): number {
  let worst = 0;
  for (let t = 0; t < DAY; t += FIVE) worst = Math.max(worst, Math.abs(readProfile(p, t) - cycle(t)));
  return worst;
}

describe("createProfile", () => {
  it("gives a daily profile a node every 5 minutes and a weekly one a node every half hour, capped", () => {
    const daily = profile(DAY, 288, FIVE, 100, 2);
    expect(daily).toEqual({ period: DAY, baseline: 100, values: new Array<number>(288).fill(0), visits: 0, sum: 0, spread: 2 });
    // Sampled every minute: still 288 nodes (the cap), each seen by 5 points a period.
    expect(profile(DAY, 288, MINUTE).values).toHaveLength(288);
    expect(profile(WEEK, 336, 30 * MINUTE).values).toHaveLength(336);
    expect(profile(WEEK, 336, MINUTE).values).toHaveLength(336);
  });

  it("gives coarser sampling fewer nodes: one per typical interval", () => {
    expect(profile(DAY, 288, 10 * MINUTE).values).toHaveLength(144);
    expect(profile(WEEK, 336, HOUR).values).toHaveLength(168);
    // 7 days of 7 h intervals: 24 nodes (168/7).
    expect(profile(WEEK, 336, 7 * HOUR).values).toHaveLength(24);
  });

  it("refuses a period with fewer than 8 nodes", () => {
    expect(profile(DAY, 288, 3 * HOUR).values).toHaveLength(8);
    // 24 h / (3 h + 1 ms) is 7.99…: 7 whole nodes.
    expect(createProfile(DAY, 288, 3 * HOUR + 1, 0, 1)).toBeNull();
    expect(createProfile(DAY, 288, DAY, 0, 1)).toBeNull();
    expect(createProfile(WEEK, 336, DAY, 0, 1)).toBeNull();
  });
});

describe("readProfile", () => {
  // Node values 1, 3, …, 15 (mean 8) at t = 0, 1, …, 7 s.
  const p = fixed([1, 3, 5, 7, 9, 11, 13, 15]);

  it("reads nodes less the profile's mean, and interpolates linearly between them", () => {
    expect(readProfile(p, 0)).toBe(-7);
    expect(readProfile(p, 3000)).toBe(-1);
    // A quarter of the way from node 2 (5) to node 3 (7): 5.5, less the mean 8.
    expect(readProfile(p, 2250)).toBeCloseTo(-2.5, 12);
  });

  it("wraps at the period's end, from the last node back to the first", () => {
    // Halfway from node 7 (15) back to node 0 (1): 8, less the mean.
    expect(readProfile(p, 7500)).toBeCloseTo(0, 12);
    expect(readProfile(p, 8000)).toBe(-7);
    expect(readProfile(p, 8000 * 1000 + 2250)).toBeCloseTo(-2.5, 9);
  });

  it("reads times before the epoch at the same phase", () => {
    expect(readProfile(p, -500)).toBeCloseTo(0, 12);
    expect(readProfile(p, -8000 + 2250)).toBeCloseTo(-2.5, 12);
    expect(readProfile(p, -8000)).toBe(-7);
  });

  it("always has mean zero over the period (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (values, offset) => {
          const q = fixed(values);
          // The interpolated curve's mean is the nodes' mean; a grid of 4 reads per node averages it exactly.
          let total = 0;
          for (let i = 0; i < 32; i++) total += readProfile(q, offset * 8000 + i * 250);
          expect(Math.abs(total / 32)).toBeLessThan(1e-9);
        },
      ),
    );
  });
});

describe("learnProfile", () => {
  it("sets most of a clean sine in its first period and all of it after four", () => {
    // The series is 100 + 3·sin(2πt/day); the profile learns its departure from the baseline 100.
    const p = profile(DAY, 288, FIVE, 100, 1);
    let t = learnPeriod(p, 0, FIVE, (time) => 100 + sine(time) - p.baseline);
    // Measured: 2.76 at the peak, 92% of the amplitude (the last hours of the day learn at a running mean's pace).
    expect(readProfile(p, DAY / 4)).toBeGreaterThan(0.85 * 3);
    expect(readProfile(p, (3 * DAY) / 4)).toBeLessThan(-0.85 * 3);
    expect(worstError(p, sine)).toBeLessThan(0.9);
    for (let d = 0; d < 3; d++) t = learnPeriod(p, t, FIVE, sine);
    // Measured: worst 0.059 (2% of the amplitude) anywhere in the day after 4 periods.
    expect(worstError(p, sine)).toBeLessThan(0.07);
  });

  it("sets most of a clean square wave in its first period and all of it after four", () => {
    const p = profile(DAY, 288, FIVE, 0, 1);
    let t = learnPeriod(p, 0, FIVE, square);
    expect(readProfile(p, DAY / 4)).toBeGreaterThan(0.8 * 1.5);
    expect(readProfile(p, (3 * DAY) / 4)).toBeLessThan(-0.8 * 1.5);
    for (let d = 0; d < 3; d++) t = learnPeriod(p, t, FIVE, square);
    // Measured: worst 0.042, at the edge at noon.
    expect(worstError(p, square)).toBeLessThan(0.05);
  });

  it("then averages over about the last 4 periods: an old period's weight decays as (3/4) per period", () => {
    // Eight periods of +1 (first half of the day) / −1, then the pattern flips. The bound on a
    // point's pull is lifted (a large spread) so the averaging shows alone.
    const p = profile(DAY, 288, FIVE, 0, 100);
    const pattern = (sign: number) => (t: number) => (t % DAY < DAY / 2 ? sign : -sign);
    let t = 0;
    for (let d = 0; d < 8; d++) {
      t = learnPeriod(p, t, FIVE, pattern(1));
      p.spread = 100;
    }
    expect(p.visits).toBe(4);
    expect(readProfile(p, DAY / 4)).toBeCloseTo(1, 1);
    for (let m = 1; m <= 8; m++) {
      t = learnPeriod(p, t, FIVE, pattern(-1));
      p.spread = 100;
      // The old pattern keeps weight w = 0.75^m, the new one 1 − w: read 2·0.75^m − 1 (measured within 0.004).
      if ([1, 2, 4, 8].includes(m)) expect(Math.abs(readProfile(p, DAY / 4) - (2 * 0.75 ** m - 1))).toBeLessThan(0.01);
    }
  });

  it("counts visits in periods of elapsed time, capped at 4", () => {
    const p = profile(DAY, 288, FIVE);
    learnProfile(p, HOUR, 0, FIVE, 6 * HOUR, 0);
    expect(p.visits).toBeCloseTo(0.25, 12);
    learnProfile(p, 2 * HOUR, 0, FIVE, 10 * DAY, 0);
    expect(p.visits).toBe(4);
  });

  it("moves the two nodes around a time by their interpolation weights, at 1/(visits per node)", () => {
    // Fresh profile: visits per node below 1, so the rate is 1 and the nodes take the whole error.
    const p = profile(DAY, 288, FIVE, 0, 10);
    // A quarter of the way from node 12 to node 13 (at 1 h and 1 h 5 min).
    learnProfile(p, HOUR + FIVE / 4, 4, FIVE, FIVE, 0);
    expect(p.values[12]).toBeCloseTo(3, 12);
    expect(p.values[13]).toBeCloseTo(1, 12);
    expect(p.sum).toBeCloseTo(4, 12);
    // Sampled every minute, a node sees 5 points a period: after one period's visits a point moves its node by 1/5 of its error.
    const fine = profile(DAY, 288, MINUTE, 0, 10);
    fine.visits = 1 - MINUTE / DAY;
    learnProfile(fine, HOUR, 2, MINUTE, MINUTE, 0);
    expect(fine.visits).toBeCloseTo(1, 12);
    expect(fine.values[12]).toBeCloseTo(2 / 5, 12);
  });

  it("lets one huge anomaly move the nodes by at most 3 spreads in all", () => {
    const p = profile(DAY, 288, FIVE, 0, 1);
    learnProfile(p, HOUR, 1e6, FIVE, FIVE, 0);
    // Rate 1, the error bounded at 3 spreads of 1: node 12 moves by exactly 3.
    expect(p.values[12]).toBe(3);
    expect(p.sum).toBe(3);
    // The spread grows by 1% of the bounded error's excess: 1 + 0.01·(3 − 1).
    expect(p.spread).toBeCloseTo(1.02, 12);
    learnProfile(p, 2 * HOUR, -1e300, FIVE, FIVE, 0);
    expect(p.values[24]).toBeCloseTo(-3 * 1.02, 12);
  });

  it("never moves a node by more than 3 spreads, whatever the value (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e300, max: 1e300, noNaN: true }),
        fc.integer({ min: 0, max: DAY - 1 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (target, time, spread) => {
          const p = profile(DAY, 288, FIVE, 0, spread);
          for (let t = 0; t < DAY; t += FIVE) learnProfile(p, t, sine(t), FIVE, FIVE, 0);
          const before = [...p.values];
          const bound = 3 * p.spread;
          learnProfile(p, DAY + time, target, FIVE, FIVE, 0);
          const moved = p.values.map((v, i) => Math.abs(v - before[i]!));
          expect(moved.reduce((s, m) => s + m, 0)).toBeLessThanOrEqual(bound * (1 + 1e-12));
          expect(p.values.every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});
