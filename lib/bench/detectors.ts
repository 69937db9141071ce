import { createThreeSigma } from "@/lib/bench/three-sigma";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { updateFilter } from "@/lib/vsm/filter/update-filter";

/**
 * What a detector said about one series: the points (1-based) where it paged, each with the
 * direction (+1 up, −1 down) it saw; and for the filter also its earlier, non-paging flags.
 */
export interface Alarm {
  point: number;
  direction: number;
}

export interface DetectorRun {
  pages: Alarm[];
  /** Provisional raises and transient annotations: visible, but nobody is paged. */
  flags: Alarm[];
}

/** Cyberstride: pages on confirmed signals; flags on provisional raises and transient annotations. */
export function runFilter(series: readonly number[], params: FilterParams): DetectorRun {
  const state = createFilterState();
  const run: DetectorRun = { pages: [], flags: [] };
  for (const y of series) {
    const output = updateFilter(state, y, params);
    if (output.phase === "warmup") continue;
    for (const event of output.events) {
      if (event.type === "retracted") continue;
      const rising = event.valence === "pleasure" === (params.direction === "up");
      const alarm = { point: output.point, direction: rising ? 1 : -1 };
      (event.type === "confirmed" ? run.pages : run.flags).push(alarm);
    }
  }
  return run;
}

/** The ops rule: pages on each run of consecutive kσ points (k = 3 unless told), at its first point. */
export function runThreeSigma(series: readonly number[], window: number, k = 3): DetectorRun {
  const detector = createThreeSigma(window, k);
  const run: DetectorRun = { pages: [], flags: [] };
  let previous = 0;
  series.forEach((y, index) => {
    const side = detector.update(y);
    if (side !== 0 && side !== previous) run.pages.push({ point: index + 1, direction: side });
    previous = side;
  });
  return run;
}
