import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { Moments } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";

/**
 * The filter's predictive distribution of y k = 1…steps points ahead (for S4, DESIGN.md §3.6):
 * each regime component carried forward by G^k, future regimes drawn from their priors π. Its
 * mean and variance are exact for that mixture: Var = Σ_i p_i (Fᵀ G^k C_i G^kᵀ F + Σ_{n<k} Fᵀ G^n W̄ G^nᵀ F
 * + V·r̄ε) + spread of the component means, with W̄ and r̄ε the prior-weighted regime noises.
 * Empty before the warm-up ends, when there is no posterior to carry forward.
 */
export function forecast(state: FilterState, params: FilterParams, steps: number): Moments[] {
  if (!state.ready) return [];
  const { weights, means, covariances: cov } = state;
  const v = state.noise.variance;
  let w11 = 0;
  let w12 = 0;
  let observation = 0;
  for (let j = 0; j < 4; j++) {
    w11 += params.prior[j]! * v * (params.rg[j]! + params.rd[j]!);
    w12 += params.prior[j]! * v * params.rd[j]!;
    observation += params.prior[j]! * v * params.re[j]!;
  }
  const w22 = w12;
  const result: Moments[] = [];
  // Running Σ_{n<k} (W11 + 2n W12 + n² W22): the system noise accumulated over k steps.
  let accumulated = 0;
  for (let k = 1; k <= steps; k++) {
    const n = k - 1;
    accumulated += w11 + 2 * n * w12 + n * n * w22;
    let mean = 0;
    for (let i = 0; i < 4; i++) mean += weights[i]! * (means[2 * i]! + k * means[2 * i + 1]!);
    let total = 0;
    for (let i = 0; i < 4; i++) {
      const componentMean = means[2 * i]! + k * means[2 * i + 1]!;
      const carried = cov[3 * i]! + 2 * k * cov[3 * i + 1]! + k * k * cov[3 * i + 2]!;
      total += weights[i]! * (carried + (componentMean - mean) ** 2);
    }
    result.push({ mean, variance: total + accumulated + observation });
  }
  return result;
}
