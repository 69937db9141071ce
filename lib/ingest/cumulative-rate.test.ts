import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepAllCumulative, stepCumulative, type CumulativePoint } from "./cumulative-rate";

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);

describe("stepCumulative", () => {
  it("needs a first point before it can give a rate", () => {
    const point = { time: T0, value: 100 };
    expect(stepCumulative(undefined, point)).toEqual({ step: { kind: "baseline", reason: "first" }, next: point });
  });

  it("divides the increase by the elapsed seconds", () => {
    // 100 → 160 requests over 15 s: 4 requests per second.
    const { step, next } = stepCumulative({ time: T0, value: 100 }, { time: T0 + 15_000, value: 160 });
    expect(step).toEqual({ kind: "rate", value: 4 });
    expect(next).toEqual({ time: T0 + 15_000, value: 160 });
  });

  it("gives rate zero for a counter that did not move", () => {
    expect(stepCumulative({ time: T0, value: 7 }, { time: T0 + 1000, value: 7 }).step).toEqual({ kind: "rate", value: 0 });
  });

  it("starts afresh after a counter reset instead of giving a negative rate", () => {
    const { step, next } = stepCumulative({ time: T0, value: 500 }, { time: T0 + 10_000, value: 20 });
    expect(step).toEqual({ kind: "baseline", reason: "reset" });
    expect(next.value).toBe(20);
    // …and the next point rates against the new baseline: (50 − 20) / 10 s.
    expect(stepCumulative(next, { time: T0 + 20_000, value: 50 }).step).toEqual({ kind: "rate", value: 3 });
  });

  it("uses OTLP's start time to rate exactly across a restart after the previous point", () => {
    const previous: CumulativePoint = { time: T0, value: 500, start: T0 - 60_000 };
    // Restarted at T0 + 5 s, counted 30 by T0 + 15 s: 3 per second, even though 30 < 500.
    const restarted = stepCumulative(previous, { time: T0 + 15_000, value: 30, start: T0 + 5_000 });
    expect(restarted.step).toEqual({ kind: "rate", value: 3 });
    // A new start time with a larger value is a restart too, not an increase of 100 over 500.
    const grew = stepCumulative(previous, { time: T0 + 15_000, value: 600, start: T0 + 5_000 });
    expect(grew.step).toEqual({ kind: "rate", value: 60 });
    // A start before the previous point cannot be rated exactly: baseline.
    const unclear = stepCumulative(previous, { time: T0 + 15_000, value: 30, start: T0 - 30_000 });
    expect(unclear.step).toEqual({ kind: "baseline", reason: "reset" });
  });

  it("keeps the last point on a repeat or an older point", () => {
    const previous = { time: T0, value: 100 };
    expect(stepCumulative(previous, { time: T0, value: 100 })).toEqual({ step: { kind: "baseline", reason: "repeat" }, next: previous });
    expect(stepCumulative(previous, { time: T0 - 1000, value: 90 })).toEqual({
      step: { kind: "baseline", reason: "out_of_order" },
      next: previous,
    });
  });
});

describe("stepAllCumulative", () => {
  it("takes each series in time order, keeps series apart, and returns only changed memory", () => {
    const memory = new Map([
      ["prom:a", { time: T0, value: 10 }],
      ["prom:idle", { time: T0, value: 1 }],
    ]);
    const { steps, updated } = stepAllCumulative(
      [
        { seriesKey: "prom:a", point: { time: T0 + 20_000, value: 50 } },
        { seriesKey: "prom:b", point: { time: T0 + 10_000, value: 5 } },
        { seriesKey: "prom:a", point: { time: T0 + 10_000, value: 30 } },
        { seriesKey: "prom:a", point: { time: T0 + 10_000, value: 30 } },
      ],
      memory,
    );
    expect(steps).toEqual([
      { kind: "rate", value: 2 }, // (50 − 30) / 10 s, after the earlier point of the same request
      { kind: "baseline", reason: "first" },
      { kind: "rate", value: 2 }, // (30 − 10) / 10 s
      { kind: "baseline", reason: "repeat" },
    ]);
    expect(updated).toEqual(
      new Map([
        ["prom:a", { time: T0 + 20_000, value: 50 }],
        ["prom:b", { time: T0 + 10_000, value: 5 }],
      ]),
    );
    expect(memory.get("prom:a")).toEqual({ time: T0, value: 10 });
  });

  it("never gives a negative rate, whatever the points", () => {
    const point = fc.record({ time: fc.integer({ min: 0, max: 1e6 }), value: fc.double({ min: 0, max: 1e12, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(fc.record({ seriesKey: fc.constantFrom("x", "y"), point })), (inputs) => {
        const { steps } = stepAllCumulative(inputs, new Map());
        for (const step of steps) if (step.kind === "rate") expect(step.value).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
