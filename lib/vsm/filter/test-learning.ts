import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { clip, LEARNING_CAP } from "@/lib/vsm/filter/noise";
import { SHAPE_WINDOW } from "@/lib/vsm/filter/run-shape";
import type { TestState } from "@/lib/vsm/filter/schemas";

/**
 * What the change tests learn from a value that confirmed nothing (docs/domain.md, "Change
 * tests"): their reference level, its uncertainty, the deviations' scale and their lag-one
 * autocorrelation; and the recent deviations the shape of a change is fitted to.
 */

/** The reference learns from deviations clipped at this many sds: an outlier barely moves it. */
const REFERENCE_CLIP = 3;
/** The deviations' autocorrelation: memory (per point), prior weight towards 0 and ceiling. */
const LAG_RATE = 0.01;
const LAG_PRIOR = 5;
export const MAX_AUTOCORRELATION = 0.95;

/** Keeps the last SHAPE_WINDOW deviations since the restart, for the shape of a change. */
export function recordDeviation(test: TestState, d: number, time: number): void {
  if (test.deviations.length === SHAPE_WINDOW) {
    test.deviations.shift();
    test.times.shift();
  }
  test.deviations.push(d);
  test.times.push(time);
}

/**
 * Learns from a deviation that confirmed nothing: the reference moves by a clipped share of it
 * (1 − (1 − rate)^k over k intervals), the spread of the deviations learns like V does (capped,
 * rate 1/n), and so does their lag-one autocorrelation.
 */
export function learnTests(test: TestState, d: number, elapsed: number, floor: number, params: FilterParams): void {
  const sd = Math.sqrt(test.scale);
  // The reference's gain: the slow rate, or more while it is uncertain (after a gap), as a Kalman gain would be.
  const rate = Math.max(1 - Math.pow(1 - params.referenceLearningRate, elapsed), test.uncertainty / (test.uncertainty + test.scale));
  test.reference += rate * clip(d, REFERENCE_CLIP * sd);
  test.uncertainty = (1 - rate) ** 2 * test.uncertainty + rate * rate * test.scale;
  test.weight += 1;
  const z2 = (d * d) / test.scale;
  const dof = (1 - params.scaleLearningRate) * test.dof + 1;
  test.dof = dof;
  test.scale = Math.max(floor, test.scale * (1 + ((z2 < LEARNING_CAP ? z2 : LEARNING_CAP) - 1) / dof));
  if (elapsed <= 1.5) {
    const bound = REFERENCE_CLIP * sd;
    const x = clip(test.previousDeviation, bound);
    const y = clip(d, bound);
    test.lagProduct = (1 - LAG_RATE) * test.lagProduct + x * y;
    test.lagSquare = (1 - LAG_RATE) * test.lagSquare + x * x;
    test.autocorrelation = Math.min(Math.max(test.lagProduct / (test.lagSquare + LAG_PRIOR * test.scale), 0), MAX_AUTOCORRELATION);
  }
  test.previousDeviation = d;
}
