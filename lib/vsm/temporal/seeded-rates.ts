import { seededRandom, type Random } from "@/lib/vsm/random";

/**
 * Shared by the significance tests: how often a claim comes out over many seeded series, and how
 * far above its nominal false rate a rate may lie by chance. Kept beside the code it exercises
 * because lib/vsm may import nothing else.
 */
export const SEEDS = 1000;

/** One result per seed 1…n, each from its own seeded source. */
export function overSeeds<T>(make: (random: Random) => T, n = SEEDS): T[] {
  return Array.from({ length: n }, (_, i) => make(seededRandom(i + 1)));
}

/** Share of the items for which `claim` holds. */
export function shareOf<T>(items: readonly T[], claim: (item: T) => boolean): number {
  return items.filter(claim).length / items.length;
}

/** Share of seeds 1…n whose series makes `claim` true. */
export function rateOver(claim: (random: Random) => boolean, n = SEEDS): number {
  return shareOf(overSeeds(claim, n), (hit) => hit);
}

/**
 * α plus three binomial standard deviations over n series: a rate above this says the method
 * claims more than its nominal α (not that the seeds were unlucky, which happens 1 time in 700).
 */
export function falseRateBound(alpha: number, n = SEEDS): number {
  return alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / n);
}
