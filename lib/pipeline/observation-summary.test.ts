import { describe, expect, it } from "vitest";
import { observationSummaryEvent, SUMMARY_DETAIL_LIMIT } from "@/lib/pipeline/observation-summary";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";

const target = (id: number, unitPath: string, key: string): IndicatorTarget => ({
  id,
  unitPath,
  key,
  direction: "up",
  kind: "raw",
  family: null,
  capability: null,
  potentiality: null,
});

describe("a batch's observations event", () => {
  it("counts points per unit and indicator, keeps the latest, and the filter's level and band after it", () => {
    const a = target(1, "acme/ops", "latency");
    const b = target(2, "acme/sales", "orders");
    const event = observationSummaryEvent(
      [
        { indicator: a, time: 3, value: 30 },
        { indicator: a, time: 1, value: 10 },
        { indicator: b, time: 2, value: 5 },
      ],
      new Map([[1, [{ time: 3, level: 29.5, band: "alert" as const }]]]),
    );
    expect(event).toEqual({
      kind: "observations",
      paths: ["acme/ops", "acme/sales"],
      data: {
        units: {
          "acme/ops": {
            points: 2,
            from: 1,
            to: 3,
            indicatorCount: 1,
            indicators: { latency: { points: 2, time: 3, value: 30, level: 29.5, band: "alert" } },
          },
          "acme/sales": {
            points: 1,
            from: 2,
            to: 2,
            indicatorCount: 1,
            indicators: { orders: { points: 1, time: 2, value: 5, level: null, band: null } },
          },
        },
      },
    });
  });

  it("keeps to per-unit counts for a batch of more indicators than SUMMARY_DETAIL_LIMIT", () => {
    const points = Array.from({ length: SUMMARY_DETAIL_LIMIT + 1 }, (_, i) => ({
      indicator: target(i, `acme/u${i % 2}`, `k${i}`),
      time: i,
      value: i,
    }));
    const event = observationSummaryEvent(points, new Map());
    expect(event?.data).toEqual({
      units: {
        "acme/u0": { points: 51, from: 0, to: 100, indicatorCount: 51 },
        "acme/u1": { points: 50, from: 1, to: 99, indicatorCount: 50 },
      },
    });
  });

  it("is not written for an empty batch", () => {
    expect(observationSummaryEvent([], new Map())).toBeNull();
  });
});
