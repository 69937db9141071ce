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

/** One unit's part of a batch: its points, their time span, and (for a small batch) each indicator's latest. */
export interface UnitSummary {
  points: number;
  from: number;
  to: number;
  indicatorCount: number;
  indicators?: Record<string, IndicatorSummary>;
}

/** The data of an observations event: per unit path. */
export interface ObservationSummary {
  units: Record<string, UnitSummary>;
}

/**
 * Batches touching more indicators than this get per-unit counts only: a remote-write batch of a
 * thousand series would otherwise write its own data again into the event log. A dashboard
 * following a few indicators gets their latest values; a big sender's reader fetches points with
 * GET /api/v1/observations when told a unit has new ones.
 */
export const SUMMARY_DETAIL_LIMIT = 100;

/**
 * The live stream's one event for a stored batch (docs/live-stream.md): a summary per unit (and,
 * for a batch of at most SUMMARY_DETAIL_LIMIT indicators, per indicator), not every point.
 */
export function observationSummaryEvent(
  points: readonly { indicator: IndicatorTarget; time: number; value: number }[],
  levels: ReadonlyMap<number, readonly LevelObservation[]>,
): NewStreamEvent | null {
  if (points.length === 0) return null;
  const detail = new Set(points.map((p) => p.indicator.id)).size <= SUMMARY_DETAIL_LIMIT;
  const units: ObservationSummary["units"] = {};
  const seen = new Map<string, Set<string>>();
  for (const { indicator, time, value } of points) {
    const unit = (units[indicator.unitPath] ??= {
      points: 0,
      from: time,
      to: time,
      indicatorCount: 0,
      ...(detail ? { indicators: {} } : {}),
    });
    unit.points += 1;
    unit.from = Math.min(unit.from, time);
    unit.to = Math.max(unit.to, time);
    const keys = seen.get(indicator.unitPath) ?? new Set<string>();
    seen.set(indicator.unitPath, keys.add(indicator.key));
    unit.indicatorCount = keys.size;
    if (unit.indicators === undefined) continue;
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
