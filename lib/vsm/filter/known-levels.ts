import type { FilterState } from "@/lib/vsm/filter/schemas";

/**
 * Levels the series has recently held (docs/domain.md, "Changes and episodes"). A step is shown
 * but not paged when it returns to the level held before the last episode (a recovery), or when
 * it goes to a level the series has already arrived at ROUTINE times within the horizon (a
 * series that keeps switching between states). The first recurrence of a state still pages.
 */

const MAX_LEVELS = 4;
/** Two levels closer than this many sds of the deviations are the same level. */
const TOLERANCE = 3;
/** Arrivals at a level, within the horizon, that make a further switch to it routine. */
const ROUTINE = 2;
/** A level not held for this long is forgotten: returning to it then is news again. */
const HORIZON = 24 * 3_600_000;

function same(a: number, b: number, sd: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * sd;
}

/** Notes that the series arrived at `level` at `time` (or, `arrived` false, held it before a change). */
export function rememberLevel(state: FilterState, level: number, time: number, sd: number, arrived: boolean): void {
  const recent = state.levels.filter((known) => time - known.time <= HORIZON);
  const match = recent.find((known) => same(known.level, level, sd));
  const visits = (match?.visits ?? 0) + (arrived ? 1 : 0);
  state.levels = [...recent.filter((known) => known !== match), { level, time, visits }].slice(-MAX_LEVELS);
}

/** Whether a step to `level` at `time` is a recovery to the last episode's reference or a routine switch. */
export function isKnownLevel(state: FilterState, level: number, from: number, time: number, sd: number): boolean {
  if (same(level, from, sd)) return false;
  const { normal } = state;
  if (normal && time - normal.time <= HORIZON && same(level, normal.level, sd)) return true;
  return state.levels.some((known) => time - known.time <= HORIZON && same(known.level, level, sd) && known.visits >= ROUTINE);
}
