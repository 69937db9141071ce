import type { LevelObservation } from "@/lib/pipeline/step-points";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import type { NewStreamEvent } from "@/lib/store/stream-events";
import type { Band } from "@/lib/vsm/types";

/** One indicator's part of a batch: how many points, the latest, and the filter's level and band after it. */
export interface IndicatorSummary {
  points: number;
  time: number;
  value: number;
  level: number | null;
  band: Band | null;
}

/** The data of an observations event: per unit path, per indicator key. */
export interface ObservationSummary {
  units: Record<string, { points: number; indicators: Record<string, IndicatorSummary> }>;
}

/**
 * The live stream's one event for a stored batch (docs/live-stream.md): a summary per unit and
 * indicator, not every point — a dashboard needs the newest value and state; the points
 * themselves are a query away (GET /api/v1/observations).
 */
export function observationSummaryEvent(
  points: readonly { indicator: IndicatorTarget; time: number; value: number }[],
  levels: ReadonlyMap<number, readonly LevelObservation[]>,
): NewStreamEvent | null {
  if (points.length === 0) return null;
  const units: ObservationSummary["units"] = {};
  for (const { indicator, time, value } of points) {
    const unit = (units[indicator.unitPath] ??= { points: 0, indicators: {} });
    unit.points += 1;
    const known = unit.indicators[indicator.key];
    if (known === undefined) {
      unit.indicators[indicator.key] = { points: 1, time, value, ...lastLevel(levels.get(indicator.id)) };
    } else {
      known.points += 1;
      if (time >= known.time) Object.assign(known, { time, value });
    }
  }
  const data: ObservationSummary = { units };
  return { kind: "observations", paths: Object.keys(units).sort(), data };
}

function lastLevel(levels: readonly LevelObservation[] | undefined): { level: number | null; band: Band | null } {
  const last = levels?.at(-1);
  return last === undefined ? { level: null, band: null } : { level: last.level, band: last.band };
}
