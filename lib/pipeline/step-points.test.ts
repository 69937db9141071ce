import { describe, expect, it } from "vitest";
import { stepPoints, type IndicatorRuntime } from "@/lib/pipeline/step-points";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

const raw: IndicatorRuntime = {
  id: 7,
  params: filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" }),
  kind: "raw",
  capability: null,
  potentiality: null,
};
const points = (seed: number, length: number, at = 300) => {
  const { times, values } = syntheticSeries(seededRandom(seed), { length, change: { kind: "step", at, size: 8 } });
  return times.map((time, i) => ({ time, value: values[i]! }));
};

describe("stepPoints", () => {
  it("steps every in-order point and reports the filter's events with the point that reported them", () => {
    const state = createFilterState();
    const series = points(1, 320);
    const result = stepPoints(state, raw, series);
    expect(result.stepped).toEqual(series.map((p) => p.time));
    expect(result.skipped).toEqual([]);
    const page = result.events.find((e) => e.type === "confirmed")!;
    expect(page).toMatchObject({ indicatorId: 7, kind: "step", point: 300, valence: "pleasure", band: "normal" });
    expect(page.reportedAt).toBe(series[300]!.time);
    expect(page.probabilities).not.toBeNull();
  });

  it("skips points not after the last stepped one, and stores them as skipped", () => {
    const state = createFilterState();
    const series = points(2, 100);
    stepPoints(state, raw, series.slice(0, 60));
    const late = [series[10]!, series[59]!, series[60]!];
    const result = stepPoints(state, raw, late);
    expect(result.skipped).toEqual([series[10]!.time, series[59]!.time]);
    expect(result.stepped).toEqual([series[60]!.time]);
  });

  it("skips a point whose ratio index cannot be formed", () => {
    const productivity: IndicatorRuntime = {
      ...raw,
      kind: "productivity",
      params: filterParams(DEFAULT_POLICY, { direction: "up" }),
      capability: null,
    };
    const result = stepPoints(createFilterState(), productivity, points(3, 5));
    expect(result.stepped).toEqual([]);
    expect(result.skipped).toHaveLength(5);
    const formed = stepPoints(createFilterState(), { ...productivity, capability: 50 }, points(3, 5));
    expect(formed.stepped).toHaveLength(5);
  });

  it("replays without reporting, leaving the same state as the first pass", () => {
    const series = points(4, 400);
    const once = createFilterState();
    stepPoints(once, raw, series);
    const replayed = createFilterState();
    const quiet = stepPoints(replayed, raw, series, false);
    expect(quiet.events).toEqual([]);
    expect(quiet.stepped).toHaveLength(400);
    expect(replayed).toEqual(once);
  });
});
