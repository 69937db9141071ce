import { createSeasonalBaseline } from "@/lib/bench/seasonal-baseline";
import { createThreeSigma } from "@/lib/bench/three-sigma";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { Series } from "@/lib/vsm/filter/synthetic-series";
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
  /** Provisional raises and annotations: visible, but nobody is paged. */
  flags: Alarm[];
  /** The filter's reports of a change: pages, and updates of an episode already under way (empty for the rules). */
  reports: Alarm[];
}

/** Cyberstride: pages on confirmed changes (episode starts); flags on provisional raises and annotations. */
export function runFilter(series: Series, params: FilterParams): DetectorRun {
  const state = createFilterState();
  const run: DetectorRun = { pages: [], flags: [], reports: [] };
  series.values.forEach((value, index) => {
    const output = updateFilter(state, series.times[index]!, value, params);
    if (output.phase === "skipped") return;
    for (const event of output.events) {
      if (event.type === "retracted" || event.type === "settled") continue;
      const rising = (event.valence === "pleasure") === (params.direction === "up");
      const alarm = { point: index + 1, direction: rising ? 1 : -1 };
      if (event.type === "confirmed" || event.type === "continued") run.reports.push(alarm);
      if (event.type === "confirmed") run.pages.push(alarm);
      else if (event.type !== "continued") run.flags.push(alarm);
    }
  });
  return run;
}

/** Pages at the first point of each run of consecutive flagged points. */
function pagesOf(flags: readonly number[]): DetectorRun {
  const run: DetectorRun = { pages: [], flags: [], reports: [] };
  let previous = 0;
  flags.forEach((side, index) => {
    if (side !== 0 && side !== previous) run.pages.push({ point: index + 1, direction: side });
    previous = side;
  });
  return run;
}

/** The ops rule: kσ (k = 3 unless told) against the trailing window of the points before. */
export function runThreeSigma(series: Series, window: number, k = 3): DetectorRun {
  const detector = createThreeSigma(window, k);
  return pagesOf(series.values.map((y) => detector.update(y)));
}

/** The seasonal baseline: kσ against the mean of the same time of day on previous days. */
export function runSeasonalBaseline(series: Series, slot: number, k = 3): DetectorRun {
  const detector = createSeasonalBaseline(slot, k);
  return pagesOf(series.values.map((y, index) => detector.update(series.times[index]!, y)));
}
