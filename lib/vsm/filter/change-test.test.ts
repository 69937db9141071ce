import { describe, expect, it } from "vitest";
import { createTests, restartTests, runTests, type TestOutcome, type TestPoint } from "@/lib/vsm/filter/change-test";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { TestState } from "@/lib/vsm/filter/schemas";
import { runTestsAt, testPointAt } from "@/lib/vsm/filter/change-test-driver";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/**
 * The change tests' surprise and pair verdict (docs/domain.md, "Change tests"), driven point by
 * point. The CUSUM, autocorrelation, tail factor and gaps are in change-test-cusum.test.ts.
 */

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

function run(test: TestState, input: number, point: number, extra: Partial<TestPoint> = {}): TestOutcome {
  return runTestsAt(test, params, input, point, extra);
}

/**
 * Tests that have learnt: reference 0, deviations of sd 1 known so well (10⁹ degrees of freedom)
 * that the Student t reads as the normal (s = d to 1e-8), 100 pairs' worth of evidence for ρ_d = 0.
 */
function learnt(): TestState {
  const test = createTests(1, 1e9);
  test.weight = 100;
  test.lagSquare = 100;
  return test;
}

describe("restart", () => {
  it("starts the reference at the mixture's level with its variance, and tests nothing at that point", () => {
    const test = createTests(2, 10);
    const outcome: TestOutcome = {
      surprise: 9,
      raised: { sign: 1, point: 0, time: 0, score: 9 },
      verdict: "confirmed",
      decided: null,
      change: null,
    };
    runTests(test, testPointAt(5, 1, { level: 4.5, levelVariance: 0.3 }), params, outcome);
    expect(outcome).toEqual({ surprise: 0, raised: null, verdict: null, decided: null, change: null });
    expect(test).toMatchObject({ reference: 4.5, weight: 1, uncertainty: 0.3, previousDeviation: 0.5, deviations: [] });
    // The next point is read against it: d = 1, sd = √(2 + 0.3) (scale plus the reference's uncertainty), t with 10 dof.
    const next = run(test, 5.5, 2, { level: 5 });
    const t = 1 / Math.sqrt(2.3);
    expect(next.surprise).toBeCloseTo((81 / 83) * Math.sqrt(10 * Math.log1p((t * t) / 10)), 12);
  });

  it("restartTests clears the reference's evidence, any provisional change, both sums and the shape window", () => {
    const test = learnt();
    run(test, 2.5, 1);
    run(test, 6, 2);
    expect(test.pending).not.toBeNull();
    expect(test.up.sum).toBeGreaterThan(0);
    const { scale, lagSquare, tail } = test;
    restartTests(test);
    expect(test).toMatchObject({
      weight: 0,
      pending: null,
      up: { sum: 0, start: 0, startTime: 0 },
      down: { sum: 0, start: 0, startTime: 0 },
      deviations: [],
      times: [],
    });
    // The scale, what was learnt of ρ_d and the tail survive a restart.
    expect([test.scale, test.lagSquare, test.tail]).toEqual([scale, lagSquare, tail]);
  });
});

describe("surprise and the pair verdict", () => {
  it("raises a ±5σ step on unit noise at its first point and confirms it at the second, as a step of about 5", () => {
    const magnitudes: number[] = [];
    for (const sign of [1, -1] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const random = seededRandom(seed);
        const test = createTests(1, 20);
        // 200 points of unit noise to learn from, then the step; the mixture's level is the true one.
        for (let p = 1; p <= 200; p++) expect(run(test, random.normal(), p).change).toBeNull();
        const first = run(test, 5 * sign + random.normal(), 201, { level: 5 * sign });
        expect(first.raised).toEqual({ sign, point: 201, time: 201 * MINUTE, score: first.surprise });
        expect(sign * first.surprise).toBeGreaterThanOrEqual(3);
        const second = run(test, 5 * sign + random.normal(), 202, { level: 5 * sign });
        expect(second.verdict).toBe("confirmed");
        expect(second.change).toMatchObject({ kind: "step", sign, point: 201, time: 201 * MINUTE });
        expect(second.change!.score).toBeGreaterThanOrEqual(4.5);
        magnitudes.push(sign * second.change!.magnitude);
        // Restarted at the new level: the next 50 points of noise about it confirm nothing.
        for (let p = 203; p < 253; p++) expect(run(test, 5 * sign + random.normal(), p, { level: 5 * sign }).change).toBeNull();
      }
    }
    // The step's size is the mean of its deviations (two noisy points): measured 3.9–6.1, mean ≈ 5.
    expect(Math.min(...magnitudes)).toBeGreaterThan(3.5);
    expect(Math.max(...magnitudes)).toBeLessThan(6.5);
    expect(Math.abs(magnitudes.reduce((s, m) => s + m, 0) / magnitudes.length - 5)).toBeLessThan(0.3);
  });

  it("calls an outlier followed by a normal value a transient", () => {
    const test = learnt();
    const first = run(test, 6, 1);
    expect(first.raised).toEqual({ sign: 1, point: 1, time: MINUTE, score: first.surprise });
    expect(first.surprise).toBeCloseTo(6, 6);
    const second = run(test, 0.5, 2);
    expect(second.verdict).toBe("transient");
    expect(second.change).toBeNull();
    expect(second.raised).toBeNull();
    expect(second.decided).toEqual({
      sign: 1,
      point: 1,
      time: MINUTE,
      surprise: first.surprise,
      deviation: 6,
      held: [6],
      elapsed: [1],
      announced: true,
    });
    expect(test.pending).toBeNull();
  });

  it("retracts a surprise repeated too weakly: sustained, but the pair's mean under 4.5 sds of a mean of two", () => {
    const test = learnt();
    run(test, -3.5, 1, { announce: false });
    // (3.5 + 2.5)/√2 = 4.24 < 4.5; 2.5 is beyond `sustain` (2) and beyond a third of 3.5.
    const second = run(test, -2.5, 2);
    expect(second.verdict).toBe("retracted");
    expect(second.change).toBeNull();
    expect(second.decided).toMatchObject({ sign: -1, point: 1, deviation: -3.5, announced: false });
  });

  it("weighs a weakly repeated surprise again with the next value, and lets it go after three", () => {
    // 3.5 then 2.5: sustained but (6)/√2 = 4.24 < 4.5 — retracted and raised again for the run, still held back.
    const carried = learnt();
    run(carried, 3.5, 1);
    const second = run(carried, 2.5, 2);
    expect(second).toMatchObject({ verdict: "retracted", raised: { sign: 1, point: 1, time: MINUTE } });
    expect(second.raised!.score).toBeCloseTo(6 / Math.SQRT2, 6);
    expect(carried.pending).toMatchObject({ point: 1, held: [3.5, 2.5], elapsed: [1, 1] });
    expect(carried.reference).toBe(0);
    // A third value of 3: (3.5 + 2.5 + 3)/√3 = 5.2 ≥ 4.5 — confirmed, dated to the surprise.
    const third = run(carried, 3, 3);
    expect(third).toMatchObject({ verdict: "confirmed", change: { kind: "step", sign: 1, point: 1, time: MINUTE } });
    expect(third.change!.score).toBeCloseTo(9 / Math.sqrt(3), 6);
    // 3.2, 2.2, 2.1: each repeats it, but (7.5)/√3 = 4.33 < 4.5 after three values — let go and learnt.
    const letGo = learnt();
    run(letGo, 3.2, 1);
    run(letGo, 2.2, 2);
    const last = run(letGo, 2.1, 3);
    expect(last).toMatchObject({ verdict: "retracted", raised: null, change: null });
    expect(letGo.pending).toBeNull();
    expect(letGo.reference).toBeGreaterThan(0);
  });

  it("learns a held surprise late with the time that had passed before it", () => {
    // 2 after one interval, 6 after eleven (raised), then 0.5: the transient's pair across the gap must not teach ρ_d.
    const test = learnt();
    run(test, 2, 1);
    const product = test.lagProduct;
    run(test, 6, 2, { elapsed: 11 });
    run(test, 0.5, 3);
    expect(test.pending).toBeNull();
    // The pair across the gap (2, 6) is skipped; only the regular pair enters: 6 clipped to 3, times
    // the last deviation, 0.5 less the reference's 0.02·2 = 0.04 from the first point.
    expect(product).toBe(0);
    expect(test.lagProduct).toBeCloseTo(3 * (0.5 - 0.04), 6);
  });

  it("confirms a pair only when the second deviation is at least a third of the first", () => {
    // 9 then 2.9: the pair's mean is 11.9/√2 = 8.4 sds, but 2.9 < 9/3 — an outlier, not a step.
    const outlier = learnt();
    run(outlier, 9, 1);
    expect(run(outlier, 2.9, 2).verdict).toBe("transient");
    // 9 then 3 (exactly a third) is a step, dated to the first point, its size the mean of the two.
    const step = learnt();
    run(step, 9, 1);
    const confirmed = run(step, 3, 2);
    expect(confirmed.verdict).toBe("confirmed");
    expect(confirmed.change).toEqual({ kind: "step", sign: 1, point: 1, time: MINUTE, magnitude: 6, score: confirmed.change!.score });
    expect(confirmed.change!.score).toBeCloseTo(12 / Math.SQRT2, 6);
    // A second value beyond `sustain` on the other side, or within it, makes the first a transient.
    const reversed = learnt();
    run(reversed, 5, 1);
    expect(run(reversed, -5, 2).verdict).toBe("transient");
    const within = learnt();
    run(within, 5, 1);
    expect(run(within, 1.9, 2).verdict).toBe("transient");
  });

  it("reads the surprise through the Student t of the scale's degrees of freedom", () => {
    // d = 4 sds: with 10⁹ dof it is 4; with 5 dof, (41/43)·√(5·ln(1 + 16/5)) ≈ 2.554 — no surprise.
    expect(run(learnt(), 4, 1).raised).not.toBeNull();
    const young = learnt();
    young.dof = 5;
    const outcome = run(young, 4, 1);
    expect(outcome.surprise).toBeCloseTo((41 / 43) * Math.sqrt(5 * Math.log1p(16 / 5)), 12);
    expect(outcome.raised).toBeNull();
  });
});

describe("learning", () => {
  it("holds a surprise back from all learning until the next point decides", () => {
    const test = learnt();
    const before = structuredClone(test);
    run(test, 6, 1);
    expect([test.reference, test.scale, test.dof, test.weight, test.uncertainty, test.lagProduct, test.lagSquare]).toEqual([
      before.reference,
      before.scale,
      before.dof,
      before.weight,
      before.uncertainty,
      before.lagProduct,
      before.lagSquare,
    ]);
    // The verdict (transient) learns the held value, then the current one: d₁ = 6 moves the
    // reference by 0.02·3 (clipped at 3 sds), d₂ = 0.5 (read before) by 0.02·0.5.
    run(test, 0.5, 2);
    expect(test.weight).toBe(102);
    expect(test.reference).toBeCloseTo(0.06 + 0.01, 12);
  });

  it("learns the scale like V, at scaleLearningRate: n → (1 − 0.005)·n + 1, D → D·(1 + (z² − 1)/n)", () => {
    const test = createTests(1, 200);
    test.weight = 100;
    run(test, 2, 1);
    // n = 0.995·200 + 1 = 200; z² = 4: D = 1 + 3/200.
    expect(test.dof).toBe(200);
    expect(test.scale).toBeCloseTo(1.015, 12);
    // From a young scale, n tends to 1/0.005 = 200.
    const young = createTests(1, 1);
    young.weight = 1;
    for (let p = 1; p <= 3000; p++) run(young, 0.1 * Math.sin(p), p);
    expect(young.dof).toBeCloseTo(200, 3);
  });

  it("caps a point's z² at 25, so one extreme value raises the scale by a bounded factor", () => {
    const test = createTests(1, 200);
    test.weight = 100;
    run(test, 10, 1);
    // At the verdict: z² = 100 counts as 25, D = 1 + 24/200 = 1.12; then the second value (d = 0): ·(1 − 1/200).
    run(test, 0, 2);
    expect(test.scale).toBeCloseTo(1.12 * (1 - 1 / 200), 12);
    const huge = createTests(1, 200);
    huge.weight = 100;
    run(huge, 1e150, 1);
    run(huge, 0, 2);
    expect(huge.scale).toBeCloseTo(1.12 * (1 - 1 / 200), 12);
  });

  it("never lets the scale fall below the floor", () => {
    const test = createTests(1, 200);
    test.weight = 100;
    run(test, 0, 1, { floor: 4 });
    expect(test.scale).toBe(4);
  });
});
