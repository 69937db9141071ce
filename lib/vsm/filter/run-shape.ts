import type { CusumRun } from "@/lib/vsm/filter/schemas";

/**
 * The shape of a CUSUM run (docs/domain.md, "Change tests"): its deviations d from the reference
 * at τ = 1, 2, … typical intervals after the run began are fitted two ways — a step (d = δ) and a
 * ramp from the start (d = β·τ) — from running sums, so the run keeps no list of its points.
 */

/** A ramp must explain the run better than a step by this many variances of one deviation (a likelihood ratio of e). */
const SLOPE_EVIDENCE = 2;

export function emptyRun(): CusumRun {
  return { sum: 0, start: 0, startTime: 0, count: 0, deviation: 0, square: 0, product: 0, elapsed: 0 };
}

/** Adds one deviation at `time` to the run's sums; τ is measured in typical intervals from just before the run's first point. */
export function extendRun(run: CusumRun, deviation: number, time: number, interval: number): void {
  const tau = (time - run.startTime) / interval + 1;
  run.count += 1;
  run.deviation += deviation;
  run.square += deviation * deviation;
  run.product += deviation * tau;
  run.elapsed += tau * tau;
}

/** Step or slope, by the residual sums of squares of the two fits; the magnitude is δ, or β per interval. */
export function classifyRun(run: CusumRun, variance: number): { kind: "step" | "slope"; magnitude: number } {
  const step = run.square - (run.deviation * run.deviation) / run.count;
  const ramp = run.square - (run.product * run.product) / run.elapsed;
  if (run.count >= 3 && step - ramp > SLOPE_EVIDENCE * variance) return { kind: "slope", magnitude: Math.abs(run.product / run.elapsed) };
  return { kind: "step", magnitude: Math.abs(run.deviation / run.count) };
}
