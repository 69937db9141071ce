import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { normalCdf } from "@/lib/vsm/filter/normal-cdf";
import type { Band } from "@/lib/vsm/types";

/**
 * Posterior probability that the level is on the bad side of the limit — below it when up is
 * good, above it when down is good — summed over the regime components (the exact mixture
 * probability, not a Gaussian approximation of it). The level is the mixture's, with this time's
 * seasonal part added back (a limit is on the series as it is). Undefined when there is no limit.
 */
export function badSideProbability(
  weights: readonly number[],
  means: readonly number[],
  covariances: readonly number[],
  seasonal: number,
  params: FilterParams,
): number | undefined {
  const { limit } = params;
  if (limit === undefined) return undefined;
  let probability = 0;
  for (let j = 0; j < 4; j++) {
    const below = normalCdf((limit - seasonal - means[2 * j]!) / Math.sqrt(covariances[3 * j]!));
    probability += weights[j]! * (params.direction === "up" ? below : 1 - below);
  }
  return probability;
}

export function bandOf(badSide: number | undefined, params: FilterParams): Band {
  if (badSide === undefined) return "normal";
  if (badSide >= params.bands.crisis) return "crisis";
  return badSide >= params.bands.alert ? "alert" : "normal";
}
