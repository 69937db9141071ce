import { describe, expect, it } from "vitest";
import { rollUpBatch } from "@/lib/pipeline/roll-up-batch";
import { varianceOf } from "@/lib/vsm/temporal/moments";

const T0 = Date.UTC(2026, 10, 30, 10, 0, 0);
const widths = new Map([
  [1, 1],
  [2, 0.5],
]);

describe("rollUpBatch", () => {
  it("makes minute, hour and day buckets per indicator that agree with each other", () => {
    const points = [
      { indicatorId: 1, time: T0 + 1_000, value: 10 },
      { indicatorId: 1, time: T0 + 61_000, value: 14 },
      { indicatorId: 2, time: T0 + 2_000, value: 3 },
    ];
    const buckets = rollUpBatch(points, widths);
    const of = (id: number, resolution: string) => buckets.filter((b) => b.indicatorId === id && b.bucket.resolution === resolution);
    expect(of(1, "minute").map((b) => b.bucket.count)).toEqual([1, 1]);
    const [hour] = of(1, "hour");
    expect(hour?.bucket).toMatchObject({ start: T0, count: 2, sum: 24, min: 10, max: 14, bins: { "10": 1, "14": 1 } });
    expect(varianceOf(hour!.bucket)).toBe(4);
    expect(of(1, "day")[0]?.bucket.start).toBe(Date.UTC(2026, 10, 30));
    expect(of(2, "minute")[0]?.bucket.bins).toEqual({ "6": 1 });
  });

  it("makes only the resolutions asked for, hours and days still from the minutes", () => {
    const points = [
      { indicatorId: 1, time: T0 + 1_000, value: 10 },
      { indicatorId: 1, time: T0 + 61_000, value: 14 },
    ];
    const all = rollUpBatch(points, widths);
    const stored = rollUpBatch(points, widths, ["hour", "day"]);
    expect(stored.map((b) => b.bucket.resolution)).toEqual(["hour", "day"]);
    expect(stored).toEqual(all.filter((b) => b.bucket.resolution !== "minute"));
    expect(rollUpBatch(points, widths, ["minute"])).toEqual(all.filter((b) => b.bucket.resolution === "minute"));
  });

  it("needs a bin width for every indicator", () => {
    expect(() => rollUpBatch([{ indicatorId: 9, time: T0, value: 1 }], widths)).toThrow(/no bin width for indicator 9/);
  });
});
