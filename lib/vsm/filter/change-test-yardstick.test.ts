import { describe, expect, it } from "vitest";
import { createTests, type TestOutcome, type TestPoint } from "@/lib/vsm/filter/change-test";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { TestState } from "@/lib/vsm/filter/schemas";
import { normalEquivalent } from "@/lib/vsm/filter/student-t";
import { tailFactor } from "@/lib/vsm/filter/tail-factor";
import { runTestsAt } from "@/lib/vsm/filter/change-test-driver";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

/**
 * What the change tests measure a deviation against (docs/domain.md, "Change tests"): the scale
 * stretched by the tail factor and widened by the reference's uncertainty, which grows over a gap
 * and shrinks as the reference learns — with a gain that rises after a gap, like a Kalman gain's.
 */

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

function run(test: TestState, input: number, point: number, extra: Partial<TestPoint> = {}): TestOutcome {
  return runTestsAt(test, params, input, point, extra);
}

/** Reference 0, sd 1 with 10⁹ dof (s = d, and the scale barely moves), 100 pairs behind ρ_d = 0. */
function learnt(): TestState {
  const test = createTests(1, 1e9);
  test.weight = 100;
  test.lagSquare = 100;
  return test;
}

describe("the tail factor", () => {
  /** Zero-heavy bursts: 0 most of the time, 3 with probability 8% (sd 0.81: a 3 is 3.4 sds out, 8% of the points beyond 2 sds). */
  function bursty(test: TestState, seed: number, points: number): number {
    const random = seededRandom(seed);
    let raised = 0;
    for (let p = 1; p <= points; p++) if (run(test, random.next() < 0.08 ? 3 : 0, p, { level: 0.24 }).raised && p > points / 2) raised += 1;
    return raised;
  }

  it("stretches the yardstick on bursty data until its bursts no longer surprise", () => {
    const test = createTests(0.66, 20);
    const raisedLate = bursty(test, 2, 2000);
    // Measured m ≈ 1.58 after 2,000 points (1.62 at 5,000); 31 raises in the first 1,000 points, none in the second.
    const m = tailFactor(test.tail, 2);
    expect(m).toBeGreaterThan(1.4);
    expect(raisedLate).toBe(0);
    // The surprise of a deviation is read against √(D·m² + uncertainty).
    const { reference, scale, uncertainty, dof } = test;
    const outcome = run(test, 3, 2001);
    expect(outcome.surprise).toBeCloseTo(normalEquivalent((3 - reference) / Math.sqrt(scale * m * m + uncertainty), dof), 9);
    // Measured ≈ 1.94 sds, where the plain sd would make it ≈ 3.1: a surprise.
    expect(outcome.surprise).toBeLessThan(2);
    expect((3 - reference) / Math.sqrt(scale)).toBeGreaterThan(3);
  });

  it("stays at 1 on normal noise", () => {
    const test = createTests(1, 20);
    const random = seededRandom(3);
    for (let p = 1; p <= 2000; p++) run(test, random.normal(), p);
    expect(tailFactor(test.tail, 2)).toBe(1);
  });
});

describe("the reference's uncertainty", () => {
  it("grows by the drift over a gap and widens the yardstick: a 6-sd deviation after it is 2 sds", () => {
    const test = learnt();
    // Drift 8: sd = √(1 + 8) = 3, so d = 6 reads as s = 2 — no surprise.
    const outcome = run(test, 6, 1, { drift: 8 });
    expect(outcome.surprise).toBeCloseTo(2, 6);
    expect(outcome.raised).toBeNull();
    // Without the drift the same value is a 6-sd surprise.
    expect(run(learnt(), 6, 1).raised).not.toBeNull();
  });

  it("raises the reference's gain to u/(u + D) and then shrinks u as a Kalman filter's posterior, u·D/(u + D)", () => {
    const test = learnt();
    run(test, 6, 1, { drift: 8 });
    // Gain 8/9: the reference moves by 8/9 of the deviation clipped at 3 sds, to 8/3.
    expect(test.reference).toBeCloseTo(8 / 3, 9);
    // u = (1/9)²·8 + (8/9)²·1 = 8/9; then, point by point with no new drift, 8/17, 8/25, 8/33.
    expect(test.uncertainty).toBeCloseTo(8 / 9, 9);
    const after = [2, 3, 4].map((p) => {
      run(test, test.reference, p);
      return test.uncertainty;
    });
    // (The scale moves by a few parts in 10⁹ meanwhile.)
    expect(after[0]).toBeCloseTo(8 / 17, 7);
    expect(after[1]).toBeCloseTo(8 / 25, 7);
    expect(after[2]).toBeCloseTo(8 / 33, 7);
  });

  it("settles at rate/(2 − rate) of D while the reference learns at its slow rate", () => {
    const test = learnt();
    for (let p = 1; p <= 1000; p++) run(test, 0, p);
    // u ← (1 − r)²u + r²D has the fixed point r·D/(2 − r) = 0.02/1.98 ≈ 0.0101.
    expect(test.uncertainty).toBeCloseTo(0.02 / 1.98, 6);
  });

  it("starts at the mixture's level variance on a restart", () => {
    const test = createTests(1, 1e9);
    run(test, 0, 1, { levelVariance: 0.5 });
    expect(test.uncertainty).toBe(0.5);
  });
});

describe("the reference's gain", () => {
  it("is 1 − (1 − 0.02)^k over k typical intervals: it rises after a gap", () => {
    const regular = learnt();
    run(regular, 2, 1);
    expect(regular.reference).toBeCloseTo(0.02 * 2, 12);
    const gap = learnt();
    run(gap, 2, 1, { elapsed: 25 });
    // 1 − 0.98^25 ≈ 0.3965.
    expect(gap.reference).toBeCloseTo((1 - 0.98 ** 25) * 2, 12);
  });

  it("follows a 5σ shift across a long gap (drift 27) almost at once instead of reporting it", () => {
    // A minute series silent for 45 hours: drift ≈ 2,700·V·0.01 = 27, sd √28 ≈ 5.3: s ≈ 0.94.
    const test = learnt();
    const outcome = run(test, 5, 1, { elapsed: 2700, drift: 27 });
    expect(outcome.surprise).toBeCloseTo(5 / Math.sqrt(28), 6);
    expect(outcome.raised).toBeNull();
    // Gain max(1 − 0.98^2700, 27/28) ≈ 1 of the deviation clipped at 3 sds.
    expect(test.reference).toBeCloseTo(3, 6);
    expect(run(test, 5, 2).surprise).toBeLessThan(3);
  });

  it("learns the lag-one autocorrelation only from regularly spaced pairs", () => {
    const test = learnt();
    run(test, 1, 1);
    const { lagProduct, lagSquare } = test;
    run(test, 1, 2, { elapsed: 1.6 });
    expect([test.lagProduct, test.lagSquare]).toEqual([lagProduct, lagSquare]);
    // Its deviation (1 less the reference's 0.02) is still the previous one for the next pair.
    expect(test.previousDeviation).toBeCloseTo(0.98, 12);
    run(test, 1, 3, { elapsed: 1.5 });
    expect(test.lagSquare).not.toBe(lagSquare);
  });
});
