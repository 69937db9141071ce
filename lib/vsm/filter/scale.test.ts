import { describe, expect, it } from "vitest";
import { eventsOf } from "@/lib/vsm/filter/acceptance-criteria";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { SeriesOptions } from "@/lib/vsm/filter/synthetic-series";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";

/**
 * The same shape is detected at any scale and offset (docs/domain.md, "Noise"): no absolute or
 * magnitude-relative floor blinds the filter, so the events of a series scaled by a factor, or
 * shifted by a constant far above its noise, are those of the original.
 */
const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
const shape = (level: number, sigma: number): SeriesOptions => ({
  length: 700,
  level,
  sigma,
  change: { kind: "step", at: 300, size: 4 },
});
const summary = (options: SeriesOptions, seed: number) =>
  eventsOf(options, seed, params).map((e) => `${e.at}:${e.type}:${e.kind}@${e.point}:${e.valence}`);

describe("Cyberstride scale invariance", () => {
  it("reports the same events from level 1e-9 to 1e9", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const reference = summary(shape(0, 1), seed);
      expect(reference.some((e) => e.includes("confirmed"))).toBe(true);
      for (const [level, sigma] of [
        [1e-9, 1e-10],
        [1e-7, 1e-8],
        [1e3, 1e2],
        [1e9, 1e8],
      ] as const)
        expect(summary(shape(level, sigma), seed), `level ${level}`).toEqual(reference);
    }
  });

  it("reports the same events under a large constant offset", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const reference = summary(shape(0, 2), seed);
      for (const level of [1e4, -5e7, 1e12]) expect(summary(shape(level, 2), seed), `offset ${level}`).toEqual(reference);
    }
  });

  it("sees a 4σ step on values near 1e4 with σ ≈ 2 (a magnitude-relative floor would hide it)", () => {
    const events = eventsOf(shape(1e4, 2), 6, params);
    expect(events.some((e) => (e.type === "confirmed" || e.type === "continued") && e.at >= 300 && e.at <= 320)).toBe(true);
  });
});
