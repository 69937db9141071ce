import { addCounts, entropyOf, type ClassCounts } from "@/lib/vsm/entropy";

/**
 * The chain rule split of the variety of pooled values V over groups G (e.g. days):
 * H(V) = H(V|G) + I(V;G). H(V|G) is the variety found inside the groups, I(V;G) the variety that
 * lies in which group a value came from — between the groups. Both parts come from the same
 * points, so they can be compared without a sample-size bias.
 */
export type EntropyDecomposition = { total: number; within: number; between: number };

export function decomposeEntropy(groups: readonly ClassCounts[]): EntropyDecomposition {
  let pooled: Record<string, number> = {};
  let n = 0;
  const sized = groups.map((g) => {
    pooled = addCounts(pooled, g);
    const size = Object.values(g).reduce((s, c) => s + c, 0);
    n += size;
    return { size, entropy: entropyOf(g) };
  });
  const total = entropyOf(pooled);
  const within = n === 0 ? 0 : sized.reduce((s, g) => s + (g.size / n) * g.entropy, 0);
  // Mutual information is never negative; a negative difference is rounding.
  return { total, within, between: Math.max(0, total - within) };
}
