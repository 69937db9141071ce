import { runTests, type TestOutcome, type TestPoint } from "@/lib/vsm/filter/change-test";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { TestState } from "@/lib/vsm/filter/schemas";
import { MINUTE } from "@/lib/vsm/types";

/**
 * Driving the change tests point by point, for their tests: a series of one point a minute whose
 * level is 0 and known exactly, unless `extra` says otherwise.
 */
export function testPointAt(input: number, point: number, extra: Partial<TestPoint> = {}): TestPoint {
  return {
    input,
    level: 0,
    point,
    time: point * MINUTE,
    elapsed: 1,
    interval: MINUTE,
    floor: 0,
    announce: true,
    levelVariance: 0,
    drift: 0,
    ...extra,
  };
}

/** What the change tests found at one point, starting from nothing raised. */
export function runTestsAt(
  test: TestState,
  params: FilterParams,
  input: number,
  point: number,
  extra: Partial<TestPoint> = {},
): TestOutcome {
  const outcome: TestOutcome = { surprise: 0, raised: null, verdict: null, decided: null, change: null };
  runTests(test, testPointAt(input, point, extra), params, outcome);
  return outcome;
}
