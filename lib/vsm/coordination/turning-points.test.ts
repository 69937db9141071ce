import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { turningPoints } from "@/lib/vsm/coordination/turning-points";

describe("turningPoints", () => {
  it("marks each change of direction at the extreme", () => {
    expect(turningPoints([0, 1, 0, 1])).toEqual([1, 2]);
    expect(turningPoints([5, 4, 5])).toEqual([1]);
    expect(turningPoints([0, 2, 3, 1, -1, 0])).toEqual([2, 4]);
  });

  it("skips flat runs and turns at the end of a flat top", () => {
    expect(turningPoints([0, 1, 1, 1, 0])).toEqual([3]);
    expect(turningPoints([2, 2, 2])).toEqual([]);
    expect(turningPoints([])).toEqual([]);
  });

  it("ignores retraces within the hysteresis", () => {
    const series = [0, 5, 4.5, 5, 0, 5];
    expect(turningPoints(series)).toEqual([1, 2, 3, 4]);
    expect(turningPoints(series, 1)).toEqual([3, 4]);
    expect(turningPoints([0, 0.5, 0, 0.5], 1)).toEqual([]);
    expect(() => turningPoints(series, -1)).toThrow(RangeError);
  });

  it("never finds a turn in a monotonic series", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true })), fc.boolean(), (steps, up) => {
        let level = 0;
        const series = steps.map((s) => (level += up ? s : -s));
        expect(turningPoints(series)).toEqual([]);
      }),
    );
  });
});
