import "server-only";
import type { CachedFilter, FilterCache } from "@/lib/pipeline/filter-cache";
import { stepPoints, type IndicatorRuntime, type Point } from "@/lib/pipeline/step-points";
import { readCheckpoints, type FilterCheckpoint } from "@/lib/store/filter-checkpoints";
import type { FilterCursor } from "@/lib/store/filter-cursors";
import { recentSteppedPoints, steppedPoints } from "@/lib/store/observations";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterStateSchema, type FilterState } from "@/lib/vsm/filter/schemas";

/**
 * Brings each indicator's filter to its cursor (docs/design.md §5): from the process's cache when
 * it is there and current, otherwise from the stored checkpoint plus a replay of the points
 * stepped since — which gives exactly the state an uninterrupted run would have. A checkpoint
 * the filter cannot read (another state version, or damaged) or a replay that does not add up
 * (points gone with a dropped partition) is never misread: the filter is rebuilt from the
 * indicator's most recent stepped points, and the caller is told so it can log it.
 */

/** How many recent points a rebuilt filter learns from: two weeks of 5-minute data, enough for a weekly cycle. */
export const REBUILD_POINTS = 4_100;

export interface Restored {
  filter: CachedFilter;
  /** Why the filter had to be rebuilt rather than restored exactly; absent when it was not. */
  rebuilt?: string;
}

type Base = { state: FilterState; steps: number; steppedThrough: number | null; writtenAt: number };

/** A checkpoint the filter can resume from, or why not. */
function readable(checkpoint: FilterCheckpoint | undefined, now: number): Base | string {
  if (checkpoint === undefined) return { state: createFilterState(), steps: 0, steppedThrough: null, writtenAt: now };
  const parsed = filterStateSchema.safeParse(checkpoint.state);
  if (checkpoint.version !== createFilterState().version || !parsed.success) {
    return `its checkpoint holds a filter state of version ${checkpoint.version}${parsed.success ? "" : " that does not parse"}`;
  }
  return { state: parsed.data, steps: checkpoint.steps, steppedThrough: checkpoint.steppedThrough, writtenAt: checkpoint.writtenAt };
}

export async function restoreFilters(
  tx: SqlRunner,
  cache: FilterCache,
  wanted: readonly { indicator: IndicatorRuntime; cursor: FilterCursor }[],
  now: number,
): Promise<Map<number, Restored>> {
  const restored = new Map<number, Restored>();
  const misses = wanted.filter(({ indicator, cursor }) => {
    const cached = cache.take(indicator.id, cursor.steps);
    if (cached !== undefined) restored.set(indicator.id, { filter: cached });
    return cached === undefined;
  });
  if (misses.length === 0) return restored;
  const checkpoints = await readCheckpoints(
    tx,
    misses.filter((m) => m.cursor.steps > 0).map((m) => m.indicator.id),
  );
  const bases = new Map(
    misses.map(({ indicator, cursor }) => [
      indicator.id,
      cursor.steps === 0 ? readable(undefined, now) : readable(checkpoints.get(indicator.id), now),
    ]),
  );
  const spans = misses.flatMap(({ indicator, cursor }) => {
    const base = bases.get(indicator.id)!;
    return typeof base === "string" || cursor.steps === base.steps || cursor.steppedThrough === null
      ? []
      : [{ indicatorId: indicator.id, from: base.steppedThrough, through: cursor.steppedThrough }];
  });
  const replays = await steppedPoints(tx, spans);
  for (const { indicator, cursor } of misses) {
    const base = bases.get(indicator.id)!;
    if (typeof base === "string") {
      restored.set(indicator.id, await rebuild(tx, indicator, cursor, base));
      continue;
    }
    const points: Point[] = replays.get(indicator.id) ?? [];
    const expected = cursor.steps - base.steps;
    const replayed = points.length === expected ? stepPoints(base.state, indicator, points, false).stepped.length : -1;
    if (replayed !== expected) {
      const reason = `the ${expected} points stepped since its checkpoint could not be replayed (${points.length} stored, ${Math.max(replayed, 0)} stepped)`;
      restored.set(indicator.id, await rebuild(tx, indicator, cursor, reason));
      continue;
    }
    restored.set(indicator.id, { filter: { state: base.state, checkpointSteps: base.steps, checkpointWrittenAt: base.writtenAt } });
  }
  return restored;
}

/** A fresh filter taught the indicator's recent history; its checkpoint is due at once. */
async function rebuild(tx: SqlRunner, indicator: IndicatorRuntime, cursor: FilterCursor, reason: string): Promise<Restored> {
  const state = createFilterState();
  if (cursor.steppedThrough !== null) {
    stepPoints(state, indicator, await recentSteppedPoints(tx, indicator.id, cursor.steppedThrough, REBUILD_POINTS), false);
  }
  return { filter: { state, checkpointSteps: Number.NEGATIVE_INFINITY, checkpointWrittenAt: Number.NEGATIVE_INFINITY }, rebuilt: reason };
}
