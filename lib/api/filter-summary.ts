import type { z } from "zod";
import type { filterSummarySchema } from "@/lib/api/schemas/indicators";
import { filterStateSchema } from "@/lib/vsm/filter/schemas";
import { mixtureMoments } from "@/lib/vsm/filter/update-filter";
import { REGIMES } from "@/lib/vsm/types";

export type FilterSummary = z.output<typeof filterSummarySchema>;

/**
 * What a stored filter checkpoint says about its series, for people and programs: the posterior
 * level and slope, the regime probabilities and the episode under way. A state of another filter
 * version (or not a state at all) says nothing: null, never a guess. The ~1,300 numbers of the
 * seasonal profiles and change tests stay in the database.
 */
export function summariseFilterState(stored: unknown): FilterSummary | null {
  const parsed = filterStateSchema.safeParse(stored);
  if (!parsed.success) return null;
  const state = parsed.data;
  // Before the warm-up ends the mixture holds its priors, not anything learnt from the series.
  const learnt = state.ready;
  const level = mixtureMoments(state.weights, state.means, state.covariances, 0);
  const slope = mixtureMoments(state.weights, state.means, state.covariances, 1);
  const episode = state.episode;
  return {
    ready: state.ready,
    interval: state.interval,
    level: learnt ? { mean: level.mean, sd: Math.sqrt(level.variance) } : null,
    slope: learnt ? { mean: slope.mean, sd: Math.sqrt(slope.variance) } : null,
    regimes: learnt ? regimeProbabilities(state.weights) : null,
    episode:
      episode === null
        ? null
        : {
            kind: episode.kind,
            direction: episode.sign === 1 ? "up" : "down",
            since: episode.since,
            changes: episode.changes,
            reference: episode.reference,
          },
  };
}

function regimeProbabilities(weights: readonly number[]): NonNullable<FilterSummary["regimes"]> {
  const [steady = 0, step = 0, slope = 0, transient = 0] = REGIMES.map((_, i) => weights[i] ?? 0);
  return { steady, step, slope, transient };
}
