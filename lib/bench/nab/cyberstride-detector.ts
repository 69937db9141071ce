import type { Detector } from "@/lib/bench/nab/detector";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterOutput } from "@/lib/vsm/filter/filter-output";
import { filterParams, type FilterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";

/*
 * The one place the NAB benchmark touches the Cyberstride filter. The filter's API is being
 * rewritten to take each observation's time as well as its value; when it lands, only `feed` (and
 * perhaps `cyberstrideParams`) changes here, and the rest of lib/bench/nab stays as it is.
 */

/**
 * Filter parameters for NAB: S5 policy defaults with `override` merged on top (what `--policy`
 * passes), for a raw series. NAB labels anomalies on either side, and the filter detects both;
 * the direction only names which side is "good" (the valence), which nothing here reads.
 */
export function cyberstrideParams(override: unknown = {}): FilterParams {
  return filterParams(resolvePolicy([override]), { direction: "up", kind: "raw" });
}

/** A filter for one series: each call feeds the next row and returns the filter's output for it. */
function createFeed(params: FilterParams): (time: number, value: number) => FilterOutput {
  const state = createFilterState();
  // The current filter is indexed by point count; `time` is for the time-aware API to come.
  return (_time, value) => updateFilter(state, value, params);
}

/**
 * Cyberstride as it would page: 1 on a row whose output carries a `confirmed` event — a step or a
 * slope, or a transient confirmed by a second in a row — and 0 elsewhere. Provisional raises and
 * transient annotations are visible on the console but page nobody, so they score 0. A confirmed
 * event may be dated to an earlier point (the one-step-back verdict, the CUSUM's start), but the
 * page goes out on the row that confirms it, and that row is what NAB is shown.
 */
export function cyberstridePages(params: FilterParams): Detector {
  return {
    name: "Cyberstride, pages (confirmed signals)",
    output: "pages",
    start() {
      const feed = createFeed(params);
      return (time, value) => {
        const output = feed(time, value);
        return output.phase === "filtering" && output.events.some((e) => e.type === "confirmed") ? 1 : 0;
      };
    },
  };
}

/**
 * Cyberstride as a continuous anomaly score: 1 − p(steady), the filter's probability that this
 * point is not the steady regime (step, slope or transient); 0 during the warm-up, when the filter
 * has no probabilities yet.
 */
export function cyberstrideScore(params: FilterParams): Detector {
  return {
    name: "Cyberstride, 1 − p(steady)",
    output: "score",
    start() {
      const feed = createFeed(params);
      return (time, value) => {
        const output = feed(time, value);
        // Clamped: the probabilities sum to 1 only up to rounding.
        return output.phase === "filtering" ? Math.min(1, Math.max(0, 1 - output.probabilities.steady)) : 0;
      };
    },
  };
}

/** How often a series' values fall far from the filter's one-step prediction. */
export interface Calibration {
  /** Points past the warm-up, where the filter makes a prediction. */
  filtered: number;
  /** Of those, values more than 2 and more than 3 predictive standard deviations from the predictive mean. */
  beyond2: number;
  beyond3: number;
}

/**
 * The filter's calibration on one series. If its one-step predictive distribution (mean f,
 * variance Q, before the value is seen) were right and roughly normal, about 4.6% of values would
 * lie beyond 2√Q and 0.3% beyond 3√Q; many more means Q is too small (it will over-signal), many
 * fewer that it is too wide (it will miss).
 */
export function cyberstrideCalibration(params: FilterParams, rows: { times: ArrayLike<number>; values: ArrayLike<number> }): Calibration {
  const feed = createFeed(params);
  const calibration: Calibration = { filtered: 0, beyond2: 0, beyond3: 0 };
  for (let i = 0; i < rows.values.length; i++) {
    const output = feed(rows.times[i]!, rows.values[i]!);
    if (output.phase !== "filtering") continue;
    const distance = Math.abs(output.value - output.prediction.mean) / Math.sqrt(output.prediction.variance);
    calibration.filtered += 1;
    if (distance > 2) calibration.beyond2 += 1;
    if (distance > 3) calibration.beyond3 += 1;
  }
  return calibration;
}
