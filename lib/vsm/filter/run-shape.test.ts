import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyShape, SHAPE_WINDOW } from "@/lib/vsm/filter/run-shape";

/** Regularly spaced times, one typical interval (here 1) apart. */
const regular = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("classifyShape", () => {
  it("keeps 16 deviations", () => {
    expect(SHAPE_WINDOW).toBe(16);
  });

  it("calls an exact step after a few zero points a step of its size", () => {
    // Step fit from point 3: residual 0. The best ramp (0, 5, 5, 5, 5, 5 on τ = 1…6) leaves
    // 125 − 100²/91 ≈ 15.1: far worse.
    expect(classifyShape([0, 0, 0, 5, 5, 5, 5, 5], regular(8), 1, 1)).toEqual({ kind: "step", magnitude: 5 });
    expect(classifyShape([0, 0, -3, -3, -3], regular(5), 1, 1)).toEqual({ kind: "step", magnitude: -3 });
  });

  it("calls an exact ramp after zero points a slope of its rate per typical interval", () => {
    // Ramp from point 3: 1, 2, 3, 4, 5 on τ = 1…5, residual 0. The best step (from point 4:
    // 1 before it, then 2…5 about their mean 3.5: 1 + 5) leaves 6, more than 6 variances of 0.5 = 3.
    expect(classifyShape([0, 0, 0, 1, 2, 3, 4, 5], regular(8), 1, 0.5)).toEqual({ kind: "slope", magnitude: 1 });
  });

  it("needs the ramp to beat the step by 6 variances of one deviation", () => {
    // Same ramp: the step's residual is 6, the ramp's 0, so a slope needs 0 < 6 − 6·variance: variance < 1.
    const ramp = [0, 0, 0, 1, 2, 3, 4, 5];
    expect(classifyShape(ramp, regular(8), 1, 0.99).kind).toBe("slope");
    expect(classifyShape(ramp, regular(8), 1, 1)).toEqual({ kind: "step", magnitude: 3.5 });
    expect(classifyShape(ramp, regular(8), 1, 1.01).kind).toBe("step");
  });

  it("still calls a step a step when one noise point precedes it", () => {
    // A step from point 3 leaves 0.8² = 0.64; a ramp through 0.8, 5, 5, 5, 5 cannot get near that.
    expect(classifyShape([0, 0, 0.8, 5, 5, 5, 5], regular(7), 1, 1)).toEqual({ kind: "step", magnitude: 5 });
    expect(classifyShape([0, 0, 0, -1, 6, 6, 6, 6], regular(8), 1, 1)).toEqual({ kind: "step", magnitude: 6 });
  });

  it("needs at least 3 points on a ramp", () => {
    // Two points on a ramp (4, 8): as a ramp they fit exactly, as a step (mean 6) with residual 8 —
    // but a two-point ramp is not allowed; the best three-point ramp (0, 4, 8) leaves 80 − 32²/14 ≈ 6.9.
    expect(classifyShape([0, 0, 0, 0, 0, 0, 4, 8], regular(8), 1, 1)).toEqual({ kind: "step", magnitude: 6 });
    // A third point on it (12) makes it a slope: ramp 0 against the best step's 24 (8 before it, then 8, 12).
    expect(classifyShape([0, 0, 0, 0, 0, 0, 4, 8, 12], regular(9), 1, 1)).toEqual({ kind: "slope", magnitude: 4 });
  });

  it("measures a ramp in typical intervals of elapsed time, not in points", () => {
    // Irregular times (in typical intervals 2 ms): the ramp starts at t = 6 and rises 0.5 per
    // interval, so at t = 6, 10, 12, 18, 20 it reads 0.5·(1, 3, 4, 7, 8).
    const times = [0, 2, 4, 6, 10, 12, 18, 20];
    const deviations = [0, 0, 0, 0.5, 1.5, 2, 3.5, 4];
    const shape = classifyShape(deviations, times, 2, 0.01);
    expect(shape.kind).toBe("slope");
    expect(shape.magnitude).toBeCloseTo(0.5, 12);
    // Read with a typical interval of 1 ms the same times are twice as many intervals: half the rate, and no exact fit.
    const stretched = classifyShape(deviations, times, 1, 0.01);
    expect(stretched.kind).toBe("slope");
    expect(stretched.magnitude).toBeLessThan(0.3);
  });

  it("calls nothing a step of size 0", () => {
    expect(classifyShape([], [], 1, 1)).toEqual({ kind: "step", magnitude: 0 });
    expect(classifyShape([0, 0, 0, 0], regular(4), 1, 1)).toEqual({ kind: "step", magnitude: 0 });
  });

  it("never calls an exact step a slope, whatever its size or start (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0.1, max: 1e3, noNaN: true }),
        fc.boolean(),
        (zeros, points, size, negative) => {
          const delta = negative ? -size : size;
          const deviations = [...new Array<number>(zeros).fill(0), ...new Array<number>(points).fill(delta)];
          const shape = classifyShape(deviations, regular(deviations.length), 1, 1);
          expect(shape.kind).toBe("step");
          expect(shape.magnitude).toBeCloseTo(delta, 9);
        },
      ),
    );
  });

  it("calls an exact ramp of 3 or more points a slope once β² > 4 variances (property)", () => {
    // For three points β, 2β, 3β the best step leaves 1.5β² (β before it, then 2β, 3β); longer ramps fit a step worse still.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 3, max: 8 }),
        fc.double({ min: 2.05, max: 100, noNaN: true }),
        fc.boolean(),
        (zeros, points, size, negative) => {
          const beta = negative ? -size : size;
          const deviations = [...new Array<number>(zeros).fill(0), ...Array.from({ length: points }, (_, i) => beta * (i + 1))];
          const shape = classifyShape(deviations, regular(deviations.length), 1, 1);
          expect(shape.kind).toBe("slope");
          expect(shape.magnitude).toBeCloseTo(beta, 9);
        },
      ),
    );
    // Just below the margin, three points are a step: 1.5·1.9² = 5.4 < 6.
    expect(classifyShape([0, 1.9, 3.8, 5.7], regular(4), 1, 1).kind).toBe("step");
  });
});
