import type { ChangeEvent } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";

/**
 * How often this series' level really changes, and by how much (docs/domain.md, "Forecasts").
 * The regime priors are set for responsive detection (a step prior of 1% a point), far above
 * how often steps happen in most telemetry; a forecast built on them would widen its bands as if
 * a step were due every hundred points. So the filter counts the changes it confirms — rate per
 * typical interval, mean square size of steps and of slopes — with a memory of about MEMORY
 * intervals, starting from one change in MEMORY intervals.
 */

const MEMORY = 1000;
const RATE = 1 / MEMORY;

export function emptyHistory(variance: number): FilterState["history"] {
  return { rate: RATE, step: 25 * variance, slope: 0.01 * variance };
}

/** Ages the history by k intervals and counts the level changes among `events`. */
export function learnHistory(state: FilterState, events: readonly ChangeEvent[], elapsed: number): void {
  const history = state.history;
  history.rate *= Math.pow(1 - RATE, elapsed);
  for (const event of events) {
    const levelChange = event.type === "confirmed" || event.type === "continued" || (event.type === "annotated" && event.kind === "step");
    if (!levelChange || event.kind === "transient") continue;
    history.rate += RATE;
    const square = event.magnitude * event.magnitude;
    if (event.kind === "slope") history.slope += 0.1 * (square - history.slope);
    else history.step += 0.1 * (square - history.step);
  }
}
