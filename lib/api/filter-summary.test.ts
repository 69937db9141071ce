import { describe, expect, it } from "vitest";
import { summariseFilterState } from "@/lib/api/filter-summary";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

const params = filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw" });
const T0 = Date.UTC(2026, 10, 30, 9);

/** A filter that has seen `n` points a minute apart around `level`, through JSON as the database keeps it. */
function storedAfter(n: number, level: number): unknown {
  const state = createFilterState();
  for (let i = 0; i < n; i += 1) updateFilter(state, T0 + i * MINUTE, level + (i % 3) - 1, params);
  return JSON.parse(JSON.stringify(state));
}

describe("summariseFilterState", () => {
  it("says only that the filter is warming up before it has learnt anything", () => {
    expect(summariseFilterState(storedAfter(5, 200))).toEqual({
      ready: false,
      interval: expect.any(Number),
      level: null,
      slope: null,
      regimes: null,
      episode: null,
    });
  });

  it("gives the posterior level, slope and regimes of a running filter", () => {
    const summary = summariseFilterState(storedAfter(120, 200));
    expect(summary?.ready).toBe(true);
    expect(summary?.interval).toBe(MINUTE);
    expect(summary?.level?.mean).toBeGreaterThan(199);
    expect(summary?.level?.mean).toBeLessThan(201);
    expect(summary?.level?.sd).toBeGreaterThan(0);
    expect(Math.abs(summary?.slope?.mean ?? Number.NaN)).toBeLessThan(0.5);
    const regimes = summary?.regimes;
    expect(regimes && regimes.steady + regimes.step + regimes.slope + regimes.transient).toBeCloseTo(1, 9);
    expect(regimes?.steady).toBeGreaterThan(0.5);
  });

  it("reports the episode a step opened, with its direction and the level before it", () => {
    const state = createFilterState();
    for (let i = 0; i < 120; i += 1) updateFilter(state, T0 + i * MINUTE, 200 + (i % 3) - 1, params);
    for (let i = 120; i < 140; i += 1) updateFilter(state, T0 + i * MINUTE, 260 + (i % 3) - 1, params);
    const episode = summariseFilterState(JSON.parse(JSON.stringify(state)))?.episode;
    expect(episode).toMatchObject({ kind: "step", direction: "up", changes: expect.any(Number) });
    expect(episode?.reference).toBeCloseTo(200, 0);
    expect(episode?.since).toBeGreaterThanOrEqual(T0 + 120 * MINUTE);
  });

  it("says nothing of a state of another filter version, or of no state", () => {
    const old = { ...(storedAfter(120, 200) as Record<string, unknown>), version: 1 };
    expect(summariseFilterState(old)).toBeNull();
    expect(summariseFilterState(null)).toBeNull();
    expect(summariseFilterState({ level: 3 })).toBeNull();
  });
});
