import type { Random } from "@/lib/vsm/random";

/**
 * Seeded test and benchmark series: Gaussian noise of standard deviation σ around a level, with
 * at most one change. Sizes are in units of σ; `at` is the 1-based point (as in filter outputs)
 * where the change first shows.
 */
export type Change =
  | { kind: "step"; at: number; size: number }
  | { kind: "slope"; at: number; size: number }
  | { kind: "outlier"; at: number; size: number };

export interface SeriesOptions {
  length: number;
  level?: number;
  sigma?: number;
  change?: Change;
}

export function syntheticSeries(random: Random, { length, level = 100, sigma = 1, change }: SeriesOptions): number[] {
  return Array.from({ length }, (_, index) => level + sigma * (random.normal() + shift(change, index + 1)));
}

/** The change's displacement (in σ) at a 1-based point. */
function shift(change: Change | undefined, point: number): number {
  if (!change || point < change.at) return 0;
  if (change.kind === "step") return change.size;
  if (change.kind === "slope") return change.size * (point - change.at + 1);
  return point === change.at ? change.size : 0;
}
