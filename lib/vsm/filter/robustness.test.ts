import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { parseFilterState, type FilterState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/**
 * No finite input may break the filter (docs/domain.md, "Robustness"): whatever values arrive —
 * 1e300, a counter's 2^64 − 1, the largest and smallest doubles, long runs of one value — every
 * number in the state stays finite, the state still parses, and a later change is still seen.
 */
const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

const EXTREMES = [1e300, -1e300, 2 ** 64 - 1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0, -0, 1e-300, 123.456];
const value = fc.oneof(
  fc.constantFrom(...EXTREMES),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 90, max: 110, noNaN: true }),
);

describe("Cyberstride robustness", () => {
  it("keeps every number finite and the state parseable under any finite input", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 300 }), (points) => {
        const state = createFilterState();
        let time = 0;
        for (const [y, step] of points) {
          // Steps of 0 repeat a time: those points are skipped, never stepped backwards.
          time += step * MINUTE;
          const output = updateFilter(state, time, y, params);
          if (output.phase === "filtering") expect(allFinite(output)).toBe(true);
          if (!allFinite(state)) return false;
        }
        parseFilterState(JSON.parse(JSON.stringify(state)));
        return true;
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it("still sees an 8σ step after a stretch of extreme values", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = seededRandom(seed);
      const { times, values } = syntheticSeries(random, { length: 700, change: { kind: "step", at: 600, size: 8 } });
      for (let i = 50; i < 300; i++) if (random.next() < 0.05) values[i] = EXTREMES[Math.floor(random.next() * EXTREMES.length)]!;
      const state: FilterState = createFilterState();
      const seen = values.some((y, i) => {
        const output = updateFilter(state, times[i]!, y, params);
        return i + 1 >= 600 && output.phase !== "skipped" && output.events.some((e) => e.type === "confirmed" || e.type === "continued");
      });
      expect(seen, `seed ${seed}`).toBe(true);
      expect(allFinite(state)).toBe(true);
    }
  });

  it("keeps a state that parses through weeks of one constant value, and still sees it move", () => {
    // An error counter at 0 for five weeks at one point every 5 minutes: nothing the filter learns
    // may decay to zero (the seasonal shadows' errors, the profiles' bounds), or the stored state
    // would stop parsing and the bounds would freeze learning.
    const state = createFilterState();
    const minutes = 5 * MINUTE;
    let time = 0;
    for (let i = 0; i < 20_000; i++) updateFilter(state, (time += minutes), 0, params);
    expect(() => parseFilterState(JSON.parse(JSON.stringify(state)))).not.toThrow();
    expect(allFinite(state)).toBe(true);
    const moved = [3, 3, 3].map((y) => updateFilter(state, (time += minutes), y, params));
    expect(moved.flatMap((o) => (o.phase === "skipped" ? [] : o.events)).some((e) => e.type === "confirmed")).toBe(true);
  });

  it("restarts at a new scale when a counter jumps to 2^64 − 1 and stays, and says so", () => {
    const { times, values } = syntheticSeries(seededRandom(3), { length: 400 });
    const jumped = values.map((y, i) => (i >= 200 ? 2 ** 64 - 1 + y * 1e4 : y));
    const state = createFilterState();
    const outputs = jumped.map((y, i) => updateFilter(state, times[i]!, y, params));
    expect(outputs[200]).toMatchObject({ phase: "held", events: [expect.objectContaining({ type: "annotated", kind: "transient" })] });
    expect(outputs[201]).toMatchObject({
      phase: "warmup",
      events: [
        expect.objectContaining({ type: "confirmed", kind: "step", point: 201 }),
        expect.objectContaining({ type: "reset", valence: "pleasure" }),
      ],
    });
    expect(outputs.at(-1)).toMatchObject({ phase: "filtering" });
    expect(allFinite(state)).toBe(true);
  });
});
