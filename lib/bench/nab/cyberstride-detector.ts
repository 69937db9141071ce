import type { Detector } from "@/lib/bench/nab/detector";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterOutput } from "@/lib/vsm/filter/filter-output";
import { filterParams, type FilterParams } from "@/lib/vsm/filter/filter-params";
import { normalCdf } from "@/lib/vsm/filter/normal-cdf";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { resolvePolicy } from "@/lib/vsm/policy";

/* The one place the NAB benchmark touches the Cyberstride filter. */

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
  // A row whose time is not after the last (NAB's files repeat an hour where clocks went back) is skipped by the filter and scores 0.
  return (time, value) => updateFilter(state, time, value, params);
}

/**
 * Cyberstride as it would page: 1 on a row whose output carries a `confirmed` event — the start of
 * a change episode — and 0 elsewhere. Provisional raises, transient annotations and the updates of
 * an episode under way are visible on the console but page nobody, so they score 0. A confirmed
 * event may be dated to an earlier point (the pair verdict, the CUSUM's start), but the page goes
 * out on the row that confirms it, and that row is what NAB is shown.
 */
export function cyberstridePages(params: FilterParams): Detector {
  return {
    name: "Cyberstride, pages (confirmed signals)",
    output: "pages",
    start() {
      const feed = createFeed(params);
      return (time, value) => {
        const output = feed(time, value);
        return output.phase !== "skipped" && output.events.some((e) => e.type === "confirmed") ? 1 : 0;
      };
    },
  };
}

/**
 * Cyberstride as a continuous anomaly score, for diagnosis: how far the change tests find the
 * value from their reference, as the normal probability within that many sds, 1 − 2Φ(−|surprise|)
 * (the evidence the pages are decided on, before any threshold or episode); 0 during the warm-up
 * and on skipped or held rows.
 */
export function cyberstrideScore(params: FilterParams): Detector {
  return {
    name: "Cyberstride, 1 − 2Φ(−|surprise|)",
    output: "score",
    start() {
      const feed = createFeed(params);
      return (time, value) => {
        const output = feed(time, value);
        // Clamped: normalCdf is exact to about 1e-7, so at 0 it can overshoot ½ by a hair.
        return output.phase === "filtering" ? Math.max(0, 1 - 2 * normalCdf(-Math.abs(output.surprise))) : 0;
      };
    },
  };
}

/** Two-sided normal tail probabilities beyond 2 and 3 sds. */
const TAIL_2SD = 0.0455;
const TAIL_3SD = 0.0027;

/** How often a series' values fall far out in the filter's one-step predictive. */
export interface Calibration {
  /** Points past the warm-up, where the filter makes a prediction. */
  filtered: number;
  /** Of those, values outside the predictive's central 95.45% and 99.73% intervals ("beyond 2 and 3 predictive sds"). */
  beyond2: number;
  beyond3: number;
}

/**
 * The filter's calibration on one series. Its one-step predictive is a mixture (regimes, heavy
 * tails), so "beyond k sds" is read as outside the central interval a normal would have within k
 * sds: a tail probability below 4.55% (k = 2) or 0.27% (k = 3). A calibrated filter has those
 * shares; many more means it expects too little noise (it over-signals), many fewer too much (it
 * misses).
 */
export function cyberstrideCalibration(params: FilterParams, rows: { times: ArrayLike<number>; values: ArrayLike<number> }): Calibration {
  const feed = createFeed(params);
  const calibration: Calibration = { filtered: 0, beyond2: 0, beyond3: 0 };
  for (let i = 0; i < rows.values.length; i++) {
    const output = feed(rows.times[i]!, rows.values[i]!);
    if (output.phase !== "filtering") continue;
    calibration.filtered += 1;
    if (output.tail < TAIL_2SD) calibration.beyond2 += 1;
    if (output.tail < TAIL_3SD) calibration.beyond3 += 1;
  }
  return calibration;
}
