import { describe, expect, it } from "vitest";
import { createTests, type TestOutcome, type TestPoint } from "@/lib/vsm/filter/change-test";
import { filterParams, type FilterParams } from "@/lib/vsm/filter/filter-params";
import type { TestState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { runTestsAt } from "@/lib/vsm/filter/change-test-driver";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/** The change tests' CUSUM and the autocorrelation it reads (docs/domain.md, "Change tests"). */

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });
/** The surprise threshold out of reach: only the CUSUM can confirm. */
const cusumOnly: FilterParams = { ...params, tests: { ...params.tests, surprise: 100 } };

function run(test: TestState, input: number, point: number, extra: Partial<TestPoint> = {}, using: FilterParams = params): TestOutcome {
  return runTestsAt(test, using, input, point, extra);
}

/** Reference 0, sd 1 with 10⁹ dof (s = d), 100 pairs' worth of evidence that ρ_d = 0. */
function learnt(): TestState {
  const test = createTests(1, 1e9);
  test.weight = 100;
  test.lagSquare = 100;
  return test;
}

/** Feeds `shift(k)` for k = 1, 2, … until a change is confirmed; returns k and the outcome. */
function untilChange(
  test: TestState,
  shift: (k: number) => number,
  using: FilterParams = params,
  noise: () => number = () => 0,
  limit = 30,
): { k: number; outcome: TestOutcome } | null {
  for (let k = 1; k <= limit; k++) {
    const outcome = run(test, shift(k) + noise(), 100 + k, {}, using);
    if (outcome.change) return { k, outcome };
  }
  return null;
}

describe("the CUSUM", () => {
  it("confirms a clean 3σ step at its 6th point, dated to the first, without any surprise", () => {
    for (const sign of [1, -1] as const) {
      // Increments of 3/1.22 − 0.75 ≈ 1.7 sds (the long-run sd reads ρ_d at 0 + 2/√100), a little
      // less each point as the reference learns 2% of each deviation: 1.68, 3.32, 4.73, 5.96, 7.05, 8.01.
      const found = untilChange(learnt(), () => 3 * sign);
      expect(found?.k).toBe(6);
      const { outcome } = found!;
      expect(outcome.verdict).toBeNull();
      expect(outcome.change).toMatchObject({ kind: "step", sign, point: 101, time: 101 * MINUTE });
      expect(outcome.change!.score).toBeGreaterThanOrEqual(8);
      expect(outcome.change!.score).toBeLessThan(8 + 1.7);
      // The shape's step: the mean of the deviations 3, 2.94, … (the reference creeping up).
      expect(sign * outcome.change!.magnitude).toBeGreaterThan(2.8);
      expect(sign * outcome.change!.magnitude).toBeLessThan(3);
    }
  });

  it("confirms 3σ steps on unit noise within about 4–8 points, dated to where its run began", () => {
    const delays: number[] = [];
    const starts: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const test = createTests(1, 20);
      for (let p = 1; p <= 200; p++) run(test, random.normal(), p - 100, {}, cusumOnly);
      const found = untilChange(
        test,
        () => 3,
        cusumOnly,
        () => random.normal(),
        10,
      );
      if (!found) continue;
      delays.push(found.k);
      starts.push(found.outcome.change!.point);
    }
    delays.sort((a, b) => a - b);
    // Dated where the sum left zero: mostly the step's first point (101), at times a noise point just before it.
    expect(starts.filter((p) => p === 101).length).toBeGreaterThan(starts.length / 2);
    expect(starts.every((p) => p >= 96 && p <= 104)).toBe(true);
    // Measured (CUSUM alone, after 200 points of noise): 32 of 40 within 10 points, median 8, the
    // fastest 5. (After only 100 points, 12 of 40: a younger scale learns the step's own deviations
    // faster — D and ρ_d grow — and the sum stalls; the pair verdict catches most of those.)
    expect(delays.length).toBeGreaterThanOrEqual(30);
    expect(delays[Math.floor(delays.length / 2)]).toBeLessThanOrEqual(8);
    expect(delays[0]).toBeGreaterThanOrEqual(4);
  });

  it("confirms a clean 0.5σ/pt ramp at its 9th point, dated to where the sum left zero", () => {
    // Increments 0.5k/1.22 − 0.75: 0 at k = 1, positive from k = 2; clipped at 3 − 0.75 from k = 8.
    const found = untilChange(learnt(), (k) => 0.5 * k, cusumOnly);
    expect(found?.k).toBe(9);
    expect(found!.outcome.change).toMatchObject({ sign: 1, point: 102, time: 102 * MINUTE });
    // With the pair verdict too, the same ramp is confirmed a point earlier (raised at 3.3 sds, confirmed at 3.8).
    expect(untilChange(learnt(), (k) => 0.5 * k)?.outcome.verdict).toBe("confirmed");
  });

  it("confirms 0.5σ/pt ramps on unit noise within 12 points", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const test = createTests(1, 20);
      for (let p = 1; p <= 200; p++) run(test, random.normal(), p - 100, {}, cusumOnly);
      // Measured: 7–12 points, the CUSUM alone.
      expect(
        untilChange(
          test,
          (k) => 0.5 * k,
          cusumOnly,
          () => random.normal(),
          12,
        ),
      ).not.toBeNull();
    }
  });
});

describe("the deviations' autocorrelation", () => {
  it("is learnt ≈ 0.7–0.8 from AR(0.8) noise and ≈ 0 from independent noise", () => {
    for (let seed = 1; seed <= 3; seed++) {
      const independent = createTests(1, 20);
      const ar = createTests(1, 20);
      const white = syntheticSeries(seededRandom(seed), { length: 2000, level: 0 }).values;
      const red = syntheticSeries(seededRandom(seed), { length: 2000, level: 0, noise: { kind: "ar", phi: 0.8 } }).values;
      white.forEach((x, i) => run(independent, x, i + 1));
      red.forEach((x, i) => run(ar, x, i + 1));
      // Measured 0.71–0.80 (shrunk by 5 pairs' prior and the reference's following); 0–0.08.
      expect(ar.autocorrelation).toBeGreaterThan(0.65);
      expect(ar.autocorrelation).toBeLessThan(0.85);
      expect(independent.autocorrelation).toBeLessThan(0.1);
      // The same deviation of 2.5 sds adds to the CUSUM of the independent series, not of the autocorrelated one.
      for (const test of [independent, ar]) {
        test.up = { sum: 0, start: 0, startTime: 0 };
        run(test, test.reference + 2.5 * Math.sqrt(test.scale), 3000);
      }
      expect(independent.up.sum).toBeGreaterThan(0.8);
      expect(ar.up.sum).toBe(0);
    }
  });

  it("rests on 5 pairs' worth of prior towards 0, so a short stretch cannot set it", () => {
    const test = createTests(1, 1e9);
    test.weight = 1;
    run(test, 2, 1);
    expect(test.autocorrelation).toBe(0);
    // One pair: x = 2, y = 2 − 0.04 (the reference learnt 2% of the first): ρ = 2·1.96/(2² + 5·D).
    run(test, 2, 2);
    expect(test.autocorrelation).toBeCloseTo((2 * 1.96) / (4 + 5), 6);
  });

  it("lowers the CUSUM's increment through the long-run sd √((1 + ρ)/(1 − ρ)) at ρ's upper bound", () => {
    // 100 pairs: ρ = 0 reads as 0 + 2·√(1/100) = 0.2, long-run sd √(1.2/0.8) = 1.2247:
    // 2.5/1.2247 − 0.75 = 1.2912. ρ = 0.8 reads as 0.8 + 2·√(0.36/100) = 0.92: √(1.92/0.08) = 4.899, 0.51 < 0.75.
    const independent = learnt();
    run(independent, 2.5, 1);
    expect(independent.up.sum).toBeCloseTo(2.5 / Math.sqrt(1.2 / 0.8) - 0.75, 6);
    const correlated = learnt();
    correlated.autocorrelation = 0.8;
    run(correlated, 2.5, 1);
    expect(correlated.up.sum).toBe(0);
  });

  it("reads ρ more cautiously the fewer pairs it rests on", () => {
    // ρ = 0.3: its upper bound 0.3 + 2·√(0.91/n) is 0.95 (the ceiling) at n = 4, 0.682 at 25, 0.395 at 400.
    const sums = [4, 25, 400].map((pairs) => {
      const test = learnt();
      test.autocorrelation = 0.3;
      test.lagSquare = pairs;
      run(test, 2.5, 1);
      return test.up.sum;
    });
    const increment = (rho: number) => Math.max(0, 2.5 / Math.sqrt((1 + rho) / (1 - rho)) - 0.75);
    expect(sums[0]).toBe(0);
    expect(sums[1]).toBeCloseTo(increment(0.3 + 2 * Math.sqrt(0.91 / 25)), 6);
    expect(sums[2]).toBeCloseTo(increment(0.3 + 2 * Math.sqrt(0.91 / 400)), 6);
    expect(sums[1]!).toBeGreaterThan(0.3);
    expect(sums[2]!).toBeGreaterThan(sums[1]! + 0.5);
    // Fewer than one pair counts as one.
    const none = learnt();
    none.lagSquare = 0;
    run(none, 2.9, 1);
    expect(none.up.sum).toBe(0);
  });

  it("widens the pair's yardstick: two correlated deviations are less evidence than two independent ones", () => {
    // 4 then 3.5: the pair's mean is 7.5/√(2·(1 + ρ)) sds of a mean of two: 5.30 at ρ = 0, 3.95 at ρ = 0.8.
    const independent = learnt();
    run(independent, 4, 1);
    expect(run(independent, 3.5, 2).verdict).toBe("confirmed");
    const correlated = learnt();
    correlated.autocorrelation = 0.8;
    run(correlated, 4, 1);
    const outcome = run(correlated, 3.5, 2);
    expect(outcome.verdict).toBe("retracted");
  });
});
