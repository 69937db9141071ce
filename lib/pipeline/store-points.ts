import "server-only";
import { chooseBinWidth } from "@/lib/pipeline/bin-width";
import type { CachedFilter, FilterCache } from "@/lib/pipeline/filter-cache";
import { encodeJournal } from "@/lib/pipeline/journal-codec";
import { restoreFilters } from "@/lib/pipeline/restore-filters";
import { stepPoints, type ChangeEventRow, type IndicatorRuntime, type LevelObservation, type Point } from "@/lib/pipeline/step-points";
import { writeCheckpoints } from "@/lib/store/filter-checkpoints";
import { lockCursors, saveCursors, type FilterCursor } from "@/lib/store/filter-cursors";
import { insertFilterEvents } from "@/lib/store/filter-events";
import { insertObservations, storedTimesAfter, type ObservationRow } from "@/lib/store/observations";
import { appendJournal } from "@/lib/store/rollup-journal";
import type { SqlRunner } from "@/lib/store/sql-runner";

/** A checkpoint is due after this many steps or this long (docs/design.md §5): at most that much to replay after a restart. */
export const CHECKPOINT_STEPS = 500;
export const CHECKPOINT_MS = 5 * 60_000;

/** One point of a batch, its indicator resolved. */
export interface IndicatorPoint {
  indicator: IndicatorRuntime;
  time: number;
  value: number;
}

export interface StoredPoints {
  /** Points of the batch (after duplicates within it were folded), stored new, already stored, and stepped through a filter. */
  points: number;
  stored: number;
  duplicates: number;
  stepped: number;
  events: ChangeEventRow[];
  /** Each stepped indicator's level and band after each of its new points, for its running signals. */
  levels: Map<number, LevelObservation[]>;
  /** Filters that could not be restored exactly and were rebuilt from recent points, with why. */
  rebuilt: { indicatorId: number; reason: string }[];
  /** Puts the stepped filters into the cache: call only once the transaction has committed. */
  commit(): void;
}

/**
 * The heart of a batch (docs/design.md §5), inside the caller's transaction: lock the cursors,
 * step each filter through its new in-order points, store every point with one statement, and
 * write events, roll-ups, cursors and due checkpoints. Points with the same indicator and time
 * within the batch: the last wins, as a later request would not overwrite the first.
 */
export async function storePoints(tx: SqlRunner, cache: FilterCache, batch: readonly IndicatorPoint[], now: number): Promise<StoredPoints> {
  const byIndicator = groupPoints(batch);
  const points = [...byIndicator.values()].reduce((n, g) => n + g.points.length, 0);
  const cursors = await lockCursors(tx, [...byIndicator.keys()], (id) => cache.has(id));
  // lockCursors returns a cursor for every indicator asked for, or throws.
  const cursorOf = (id: number): FilterCursor => cursors.get(id)!;

  // Points after the cursor are new in-order points, unless stored before without stepping. Only
  // an indicator with such a point at or before its latest stored one needs looking up.
  const later = new Map<number, Point[]>();
  const uncertain = new Map<number, number | null>();
  for (const [id, group] of byIndicator) {
    const { steppedThrough: through, storedThrough: stored } = cursorOf(id);
    const after = group.points.filter((p) => through === null || p.time > through);
    if (after.length === 0) continue;
    later.set(id, after);
    if (stored !== null && after[0]!.time <= stored) uncertain.set(id, through);
  }
  const known = await storedTimesAfter(tx, uncertain);
  const toStep = new Map<number, Point[]>();
  for (const [id, after] of later) {
    const seen = known.get(id);
    const fresh = seen === undefined ? after : after.filter((p) => !seen.has(p.time));
    if (fresh.length > 0) toStep.set(id, fresh);
  }

  const restored = await restoreFilters(
    tx,
    cache,
    [...toStep.keys()].map((id) => ({ indicator: byIndicator.get(id)!.indicator, cursor: cursorOf(id) })),
    now,
  );
  const events: ChangeEventRow[] = [];
  const levels = new Map<number, LevelObservation[]>();
  const steppedTimes = new Map<number, Set<number>>();
  const moved: FilterCursor[] = [];
  const due: { id: number; steps: number; through: number | null; filter: CachedFilter }[] = [];
  const stepped: { id: number; steps: number; filter: CachedFilter }[] = [];
  for (const [id, fresh] of toStep) {
    const { filter } = restored.get(id)!;
    const result = stepPoints(filter.state, byIndicator.get(id)!.indicator, fresh);
    const cursor = cursorOf(id);
    const steps = cursor.steps + result.stepped.length;
    const through = result.stepped.length > 0 ? result.stepped[result.stepped.length - 1]! : cursor.steppedThrough;
    steppedTimes.set(id, new Set(result.stepped));
    for (const event of result.events) events.push(event);
    if (result.levels.length > 0) levels.set(id, result.levels);
    const storedThrough = Math.max(cursor.storedThrough ?? -Infinity, fresh[fresh.length - 1]!.time);
    moved.push({ ...cursor, steps, steppedThrough: through, storedThrough });
    stepped.push({ id, steps, filter });
    if (steps - filter.checkpointSteps >= CHECKPOINT_STEPS || now - filter.checkpointWrittenAt >= CHECKPOINT_MS) {
      due.push({ id, steps, through, filter });
    }
  }

  const rows: ObservationRow[] = [];
  for (const [id, group] of byIndicator) {
    const times = steppedTimes.get(id);
    for (const p of group.points) rows.push({ indicatorId: id, time: p.time, value: p.value, stepped: times?.has(p.time) ?? false });
  }
  // A stepped point already stored could only have been written by something bypassing the cursor
  // locks: its insert then fails with a unique violation, and the batch rolls back whole.
  const inserted = await insertObservations(tx, rows);
  const steppedCount = [...steppedTimes.values()].reduce((n, s) => n + s.size, 0);

  // Roll-ups take every newly stored point: the stepped ones and the new unstepped ones.
  const fresh = rows.filter((r) => r.stepped).map(({ indicatorId, time, value }) => ({ indicatorId, time, value }));
  const newPoints = fresh.concat(inserted.unstepped);
  const binWidths = new Map<number, number>();
  for (const id of new Set(newPoints.map((p) => p.indicatorId))) {
    const width = cursorOf(id).binWidth ?? chooseBinWidth(newPoints.filter((p) => p.indicatorId === id).map((p) => p.value));
    binWidths.set(id, width);
    if (cursorOf(id).binWidth === null) {
      const movedCursor = moved.find((c) => c.indicatorId === id);
      if (movedCursor) movedCursor.binWidth = width;
      else moved.push({ ...cursorOf(id), binWidth: width });
    }
  }
  // The roll-ups take them through the journal, folded in later with other batches' (materialize-rollups.ts).
  if (newPoints.length > 0) await appendJournal(tx, encodeJournal({ points: newPoints, binWidths }));

  await insertFilterEvents(
    tx,
    events.map((e) => ({
      indicatorId: e.indicatorId,
      type: e.type,
      kind: e.kind,
      valence: e.valence,
      changedAt: e.time,
      reportedAt: e.reportedAt,
      magnitude: e.magnitude,
      score: e.score,
      probabilities: e.probabilities,
      band: e.band,
    })),
  );
  await saveCursors(tx, moved);
  const version = (state: CachedFilter) => state.state.version;
  await writeCheckpoints(
    tx,
    due.map((d) => ({ indicatorId: d.id, version: version(d.filter), steps: d.steps, steppedThrough: d.through, state: d.filter.state })),
  );
  for (const d of due) {
    d.filter.checkpointSteps = d.steps;
    d.filter.checkpointWrittenAt = now;
  }

  return {
    points,
    stored: steppedCount + inserted.unstepped.length,
    duplicates: points - steppedCount - inserted.unstepped.length,
    stepped: steppedCount,
    events,
    levels,
    rebuilt: [...restored].flatMap(([indicatorId, r]) => (r.rebuilt === undefined ? [] : [{ indicatorId, reason: r.rebuilt }])),
    commit() {
      for (const s of stepped) cache.put(s.id, s.steps, s.filter);
    },
  };
}

function groupPoints(batch: readonly IndicatorPoint[]): Map<number, { indicator: IndicatorRuntime; points: Point[] }> {
  const byIndicator = new Map<number, { indicator: IndicatorRuntime; byTime: Map<number, number> }>();
  for (const p of batch) {
    const group = byIndicator.get(p.indicator.id) ?? { indicator: p.indicator, byTime: new Map<number, number>() };
    group.byTime.set(p.time, p.value);
    byIndicator.set(p.indicator.id, group);
  }
  const grouped = new Map<number, { indicator: IndicatorRuntime; points: Point[] }>();
  for (const [id, { indicator, byTime }] of byIndicator) {
    const points = [...byTime].map(([time, value]) => ({ time, value })).sort((a, b) => a.time - b.time);
    grouped.set(id, { indicator, points });
  }
  return grouped;
}
