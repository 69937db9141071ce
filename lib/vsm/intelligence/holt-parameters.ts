import { fitHolt, type HoltFit } from "@/lib/vsm/intelligence/holt";

/** α and β tried by default: 0.05 … 0.95 in steps of 0.05. */
export const HOLT_GRID: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/**
 * The Holt fit with the smallest one-step squared error over a grid of α and β: a plain search
 * is enough for two parameters in [0, 1] and, unlike a local optimiser, cannot stop in a local
 * minimum. Ties keep the first (smallest α, then β).
 */
export function fitHoltBest(
  values: readonly number[],
  alphas: readonly number[] = HOLT_GRID,
  betas: readonly number[] = HOLT_GRID,
): HoltFit {
  let best: HoltFit | null = null;
  for (const alpha of alphas) {
    for (const beta of betas) {
      const fit = fitHolt(values, { alpha, beta });
      if (best === null || fit.sse < best.sse) best = fit;
    }
  }
  if (best === null) throw new RangeError("the parameter grid is empty");
  return best;
}
