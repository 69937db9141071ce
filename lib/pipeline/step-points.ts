import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import type { IndexKind } from "@/lib/vsm/model/kinds";
import { seriesValue } from "@/lib/vsm/triple-index";
import type { Band, RegimeProbabilities } from "@/lib/vsm/types";

/**
 * Steps one indicator's filter through new points (docs/design.md §5). Pure: the pipeline brings
 * the state (from its cache, or a checkpoint with the points to replay) and stores what comes out.
 */

/** What the pipeline knows of an indicator to filter it. */
export interface IndicatorRuntime {
  id: number;
  params: FilterParams;
  kind: IndexKind;
  capability: number | null;
  potentiality: number | null;
}

/** One stored observation: time in epoch ms, the actuality as sent. */
export interface Point {
  time: number;
  value: number;
}

/** What a signal raised from a change needs of the filter then (lib/vsm/algedonic/schemas.ts, `referenceSchema`). */
export interface ChangeContext {
  /** The slow reference level the change departed from, seasonal part removed. */
  reference: number;
  /** The one-step predictive standard deviation at the reporting point. */
  sd: number;
  /** The typical interval between points the filter has learnt. */
  period: number;
}

/** A change event to store, with the time of the point that reported it and the filter's view then. */
export interface ChangeEventRow extends ChangeEvent {
  indicatorId: number;
  reportedAt: number;
  probabilities: RegimeProbabilities | null;
  band: Band | null;
  context: ChangeContext | null;
}

/** The filter's level and band after one point: what a running signal's remedy is judged on. */
export interface LevelObservation {
  time: number;
  level: number;
  band: Band;
}

export interface StepResult {
  /** Times of the points that stepped the filter, in order: the cursor advances over these. */
  stepped: number[];
  /** Times of the points stored but not stepped: not after the last stepped one, or with no index value. */
  skipped: number[];
  events: ChangeEventRow[];
  /** Level and band after each filtered point, in order (reported points only). */
  levels: LevelObservation[];
}

/**
 * Steps `state` in place through `points` (sorted by time). A ratio index the indicator cannot
 * form (no capability, a zero divisor) is not a value the filter can see: such a point is stored
 * and skipped. With `report` false (a replay of points already stepped once) no events are made.
 */
export function stepPoints(state: FilterState, indicator: IndicatorRuntime, points: readonly Point[], report = true): StepResult {
  const result: StepResult = { stepped: [], skipped: [], events: [], levels: [] };
  const reference = { capability: indicator.capability ?? Number.NaN, potentiality: indicator.potentiality ?? Number.NaN };
  for (const point of points) {
    const value = seriesValue(indicator.kind, point.value, reference);
    if (value === undefined) {
      result.skipped.push(point.time);
      continue;
    }
    // The change tests' slow reference before this point: the level a change reported here departed from.
    const before = state.test.reference;
    const output = updateFilter(state, point.time, value, indicator.params);
    if (output.phase === "skipped") {
      result.skipped.push(point.time);
      continue;
    }
    result.stepped.push(point.time);
    if (!report) continue;
    const filtering = output.phase === "filtering";
    if (filtering) result.levels.push({ time: point.time, level: output.level.mean, band: output.band });
    for (const event of output.events) {
      result.events.push({
        ...event,
        indicatorId: indicator.id,
        reportedAt: point.time,
        probabilities: filtering ? output.probabilities : null,
        band: filtering ? output.band : null,
        context: filtering ? { reference: before, sd: Math.sqrt(output.prediction.variance), period: output.profile.interval } : null,
      });
    }
  }
  return result;
}
