import { mergeMoments } from "@/lib/vsm/temporal/moments";
import { RESOLUTION_MS, type Resolution } from "@/lib/vsm/temporal/resolution";
import { DAY, HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

/**
 * The arithmetic of `GET /api/v1/observations`: a range cut into steps, each step answered from
 * the stored roll-ups of one resolution (docs/design.md §3.5). Pure, so the rules are tested here.
 */

/** More buckets than this is not a chart but a dump: the caller is told to ask for a larger step. */
export const MAX_BUCKETS = 2_000;

const UNIT_MS = { s: SECOND, m: MINUTE, h: HOUR, d: DAY } as const;
export const STEP_PATTERN = /^([1-9]\d{0,8})([smhd])$/;

/** `90s`, `5m`, `1h`, `7d` in milliseconds; null for anything else. */
export function stepMillis(text: string): number | null {
  const match = STEP_PATTERN.exec(text);
  if (match === null) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** How many steps cover [from, to); the last may be cut short by `to`. */
export function bucketCount(from: number, to: number, step: number): number {
  return Math.ceil((to - from) / step);
}

/**
 * The coarsest roll-up resolution whose buckets tile every step exactly: it must divide the step,
 * and `from` and `to` must fall on its edges (buckets are aligned to the UTC epoch), or a bucket
 * would straddle two steps or the end of the range. With `from`, `to` and `step` in whole minutes
 * (the query's rules) the minute always does.
 */
export function chooseResolution(from: number, to: number, step: number): Resolution | null {
  const fits = (resolution: Resolution) => {
    const size = RESOLUTION_MS[resolution];
    return step % size === 0 && from % size === 0 && to % size === 0;
  };
  if (fits("day")) return "day";
  if (fits("hour")) return "hour";
  return fits("minute") ? "minute" : null;
}

/** One step's statistics as mergeable moments (as lib/vsm/temporal/bucket.ts keeps them). */
export interface StepMoments {
  /** Which step: its start is from + index × step. */
  index: number;
  count: number;
  sum: number;
  m2: number;
  min: number;
  max: number;
}

/** Adds raw points (the roll-up journal's not yet folded in) to the steps the database summed, exactly. */
export function addPoints(
  steps: readonly StepMoments[],
  points: readonly { time: number; value: number }[],
  range: { from: number; step: number },
): StepMoments[] {
  const byIndex = new Map(steps.map((s) => [s.index, { ...s }]));
  for (const point of points) {
    const index = Math.floor((point.time - range.from) / range.step);
    const current = byIndex.get(index);
    const one = { index, count: 1, sum: point.value, m2: 0, min: point.value, max: point.value };
    if (current === undefined) {
      byIndex.set(index, one);
      continue;
    }
    byIndex.set(index, {
      index,
      ...mergeMoments(current, one),
      min: Math.min(current.min, point.value),
      max: Math.max(current.max, point.value),
    });
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** A step as the API answers it: where it starts, and the mean and population standard deviation of its points. */
export function stepView(step: StepMoments, range: { from: number; step: number }) {
  return {
    start: range.from + step.index * range.step,
    count: step.count,
    sum: step.sum,
    mean: step.sum / step.count,
    // m2 can come out a hair below zero from rounding when every value is equal.
    sd: Math.sqrt(Math.max(0, step.m2) / step.count),
    min: step.min,
    max: step.max,
  };
}
