/**
 * The shape of a change (docs/domain.md, "Change tests"): the last few deviations from the
 * reference are fitted two ways — a step (0 before some point, δ from it on) and a ramp (0
 * before some point, rising by β per typical interval from it on) — each at its best starting
 * point, so both fits have two parameters and their residual sums of squares compare directly.
 */

/** Deviations kept for the fit: enough for a ramp to show itself against a step. */
export const SHAPE_WINDOW = 16;
/** A ramp must fit better than a step by this many variances of one deviation (a likelihood ratio of e³: a ramp caught early is called a step, and the episode becomes a slope when the level keeps moving). */
const SLOPE_EVIDENCE = 6;
/** A ramp needs at least this many points on it to be told from a step. */
const MIN_RAMP = 3;

export interface Shape {
  kind: "step" | "slope";
  /** δ for a step, β per typical interval for a slope. */
  magnitude: number;
}

export function classifyShape(deviations: readonly number[], times: readonly number[], interval: number, variance: number): Shape {
  const n = deviations.length;
  let before = 0;
  let bestStep = { rss: Infinity, magnitude: 0 };
  let bestRamp = { rss: Infinity, magnitude: 0 };
  for (let k = 0; k < n; k++) {
    let sum = 0;
    let squares = 0;
    let product = 0;
    let elapsed = 0;
    for (let i = k; i < n; i++) {
      const d = deviations[i]!;
      const tau = (times[i]! - times[k]!) / interval + 1;
      sum += d;
      squares += d * d;
      product += d * tau;
      elapsed += tau * tau;
    }
    const count = n - k;
    const step = before + squares - (sum * sum) / count;
    if (step < bestStep.rss) bestStep = { rss: step, magnitude: sum / count };
    const ramp = before + squares - (product * product) / elapsed;
    if (count >= MIN_RAMP && ramp < bestRamp.rss) bestRamp = { rss: ramp, magnitude: product / elapsed };
    before += deviations[k]! * deviations[k]!;
  }
  return bestRamp.rss < bestStep.rss - SLOPE_EVIDENCE * variance
    ? { kind: "slope", magnitude: bestRamp.magnitude }
    : { kind: "step", magnitude: bestStep.magnitude };
}
