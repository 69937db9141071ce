import { describe, expect, it } from "vitest";
import { mergeCandidates, type Candidate } from "./merge-series";

const T = Date.UTC(2024, 4, 1);
const point = (value: number, kind: Candidate["kind"], extra: Partial<Candidate> = {}): Candidate => ({
  unitPath: "acme/ops",
  indicatorKey: "http-requests-total",
  time: T,
  value,
  kind,
  at: `p${value}`,
  ...extra,
});

describe("mergeCandidates", () => {
  it("adds up the rates of series that meet at one indicator and time", () => {
    // code="200" at 12 req/s and code="500" at 0.5 req/s: the unit serves 12.5 req/s.
    const result = mergeCandidates([point(12, "rate"), point(0.5, "rate")]);
    expect(result).toEqual({
      observations: [{ unitPath: "acme/ops", indicatorKey: "http-requests-total", time: T, value: 12.5 }],
      merged: 1,
      rejects: [],
    });
  });

  it("averages gauges, and anything mixed", () => {
    expect(mergeCandidates([point(40, "gauge"), point(60, "gauge"), point(80, "gauge")]).observations[0]?.value).toBe(60);
    expect(mergeCandidates([point(1, "rate"), point(3, "gauge")]).observations[0]?.value).toBe(2);
  });

  it("keeps different units, indicators and times apart, in first-seen order", () => {
    const result = mergeCandidates([
      point(1, "gauge"),
      point(2, "gauge", { time: T + 1 }),
      point(3, "gauge", { unitPath: "acme" }),
      point(4, "gauge", { indicatorKey: "x" }),
    ]);
    expect(result.observations.map((o) => o.value)).toEqual([1, 2, 3, 4]);
    expect(result.merged).toBe(0);
  });

  it("averages huge gauges without overflowing, and rejects every point of a sum that overflows", () => {
    expect(mergeCandidates([point(1.5e308, "gauge"), point(1.5e308, "gauge")]).observations[0]?.value).toBeCloseTo(1.5e308, -300);
    const overflow = mergeCandidates([point(1.5e308, "rate", { at: "a" }), point(1.5e308, "rate", { at: "b" })]);
    expect(overflow.observations).toEqual([]);
    expect(overflow.rejects.map((r) => [r.at, r.code])).toEqual([
      ["a", "invalid_value"],
      ["b", "invalid_value"],
    ]);
  });
});
