import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binOf, checkBinWidth } from "@/lib/vsm/temporal/binning";
import {
  addPointInto,
  bucketEntropy,
  bucketMean,
  bucketOfPoint,
  bucketTime,
  mergeBucketInto,
  mergeBuckets,
  reframe,
  type Point,
} from "@/lib/vsm/temporal/bucket";
import { bucketStart } from "@/lib/vsm/temporal/resolution";
import { coarsen, mergeBucketLists, rollUpPoints } from "@/lib/vsm/temporal/roll-up";
import { DAY, HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 2, 14); // a UTC midnight

describe("UTC-aligned buckets", () => {
  it("start on the minute, the hour and UTC midnight", () => {
    const at = Date.UTC(2025, 2, 14, 13, 5, 42, 7);
    expect(bucketStart(at, "minute")).toBe(Date.UTC(2025, 2, 14, 13, 5));
    expect(bucketStart(at, "hour")).toBe(Date.UTC(2025, 2, 14, 13));
    expect(bucketStart(at, "day")).toBe(t0);
    expect(bucketStart(-1, "minute")).toBe(-MINUTE);
  });
});

describe("value bins", () => {
  it("are fixed-width and anchored at zero", () => {
    expect(binOf(0.5, 1)).toBe("0");
    expect(binOf(-0.5, 1)).toBe("-1");
    expect(binOf(2, 0.5)).toBe("4");
    expect(checkBinWidth(0.25)).toBe(0.25);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => checkBinWidth(bad)).toThrow(RangeError);
  });
});

describe("roll-ups", () => {
  const points: Point[] = [
    { at: t0, value: 1 },
    { at: t0 + 30 * SECOND, value: 3 },
    { at: t0 + MINUTE, value: 5 },
  ];

  it("aggregate raw points into minute buckets with exact sums", () => {
    const minutes = rollUpPoints(points, 1);
    expect(minutes).toEqual([
      { resolution: "minute", start: t0, count: 2, sum: 4, m2: 2, min: 1, max: 3, offsetSum: 30 * SECOND, bins: { "1": 1, "3": 1 } },
      { resolution: "minute", start: t0 + MINUTE, count: 1, sum: 5, m2: 0, min: 5, max: 5, offsetSum: 0, bins: { "5": 1 } },
    ]);
    expect(bucketMean(minutes[0]!)).toBe(2);
    expect(bucketTime(minutes[0]!)).toBe(t0 + 15 * SECOND);
  });

  it("build hours from minutes and days from hours", () => {
    const [hour] = coarsen(rollUpPoints(points, 1), "hour");
    expect(hour).toMatchObject({ resolution: "hour", start: t0, count: 3, sum: 9, m2: 8, min: 1, max: 5, offsetSum: 90 * SECOND });
    expect(bucketMean(hour!)).toBe(3);
    expect(bucketTime(hour!)).toBe(t0 + 30 * SECOND);
    const days = coarsen(coarsen(rollUpPoints([...points, { at: t0 + 23 * HOUR, value: 7 }], 1), "hour"), "day");
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ resolution: "day", start: t0, count: 4, sum: 16, min: 1, max: 7 });
  });

  it("give each bucket the entropy of its binned values", () => {
    const [minute] = rollUpPoints(
      [0.1, 0.2, 1.5, 2.5].map((value, i) => ({ at: t0 + i * SECOND, value })),
      1,
    );
    expect(minute!.bins).toEqual({ "0": 2, "1": 1, "2": 1 });
    expect(bucketEntropy(minute!)).toBe(1.5);
  });

  it("equal, at every resolution, a roll-up made straight from the raw points", () => {
    const point = fc.record({ at: fc.integer({ min: t0, max: t0 + 3 * DAY }), value: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 200 }), (ps) => {
        const viaMinutes = coarsen(coarsen(rollUpPoints(ps, 5), "hour"), "day");
        const direct = coarsen(
          ps.map((p) => bucketOfPoint(p, "day", 5)),
          "day",
        );
        // M2 is merged in a different order, so it may differ in the last bits; all else is exact.
        expect(viaMinutes.map((b) => ({ ...b, m2: 0 }))).toEqual(direct.map((b) => ({ ...b, m2: 0 })));
        viaMinutes.forEach((b, i) => expect(b.m2).toBeCloseTo(direct[i]!.m2, 6));
      }),
    );
  });

  it("take points in place with the same doubles as merging one-point buckets, at any resolution", () => {
    const point = fc.record({ at: fc.integer({ min: t0, max: t0 + 3 * DAY }), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 200 }),
        fc.constantFrom("minute" as const, "hour" as const, "day" as const),
        (ps, resolution) => {
          const byMerging = new Map<number, ReturnType<typeof bucketOfPoint>>();
          for (const p of ps) {
            const one = bucketOfPoint(p, resolution, 0.5);
            const existing = byMerging.get(one.start);
            byMerging.set(one.start, existing ? mergeBucketInto(existing, one) : one);
          }
          expect(rollUpPoints(ps, 0.5, resolution)).toEqual([...byMerging.values()].sort((a, b) => a.start - b.start));
        },
      ),
    );
  });

  it("take a point only when it is finite and falls in the bucket", () => {
    const bucket = bucketOfPoint({ at: t0, value: 1 }, "hour", 1);
    expect(() => addPointInto(bucket, { at: t0 + HOUR, value: 1 }, 1)).toThrow(/not in the hour bucket/);
    expect(() => addPointInto(bucket, { at: t0, value: Number.POSITIVE_INFINITY }, 1)).toThrow(RangeError);
    expect(addPointInto(bucket, { at: t0 + MINUTE, value: 3 }, 1)).toMatchObject({
      count: 2,
      sum: 4,
      m2: 2,
      min: 1,
      max: 3,
      offsetSum: MINUTE,
      bins: { "1": 1, "3": 1 },
    });
    expect(() =>
      rollUpPoints(
        [
          { at: t0, value: 1 },
          { at: t0 + SECOND, value: Number.NaN },
        ],
        1,
      ),
    ).toThrow(RangeError);
  });

  it("merge in place into the first bucket exactly as a pure merge would, and never share bins", () => {
    const [a, b] = coarsen(rollUpPoints(points, 1), "hour").concat(coarsen(rollUpPoints([{ at: t0 + 30 * MINUTE, value: 7 }], 1), "hour"));
    const pure = mergeBuckets(a!, b!);
    expect(a!.bins).not.toBe(pure.bins);
    const target = { ...a!, bins: { ...a!.bins } };
    expect(mergeBucketInto(target, b!)).toBe(target);
    expect(target).toEqual(pure);
    const [minute] = rollUpPoints(points, 1);
    expect(reframe(minute!, "hour").bins).not.toBe(minute!.bins);
    expect(() => mergeBucketInto(minute!, b!)).toThrow(RangeError);
  });

  it("refuse to make a bucket finer, to merge different buckets or to take non-finite points", () => {
    const [day] = coarsen(rollUpPoints(points, 1), "day");
    expect(() => reframe(day!, "minute")).toThrow(RangeError);
    const [a, b] = rollUpPoints(points, 1);
    expect(() => mergeBuckets(a!, b!)).toThrow(RangeError);
    expect(() => rollUpPoints([{ at: t0, value: Number.NaN }], 1)).toThrow(RangeError);
    expect(() => rollUpPoints(points, 0)).toThrow(RangeError);
  });

  it("merge sorted lists, combining buckets that share a start", () => {
    const [a, b] = rollUpPoints(points, 1);
    const [a2] = rollUpPoints([{ at: t0 + 10 * SECOND, value: 2 }], 1);
    const [c] = rollUpPoints([{ at: t0 + 2 * MINUTE, value: 9 }], 1);
    const merged = mergeBucketLists([a!, c!], [a2!, b!]);
    expect(merged.map((m) => [m.start, m.count])).toEqual([
      [t0, 3],
      [t0 + MINUTE, 1],
      [t0 + 2 * MINUTE, 1],
    ]);
    expect(merged[0]!.bins).toEqual({ "1": 1, "2": 1, "3": 1 });
    expect(mergeBucketLists([b!], [c!]).map((m) => m.start)).toEqual([t0 + MINUTE, t0 + 2 * MINUTE]);
    expect(mergeBucketLists([], [a!])).toEqual([a]);
  });
});
