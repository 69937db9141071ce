import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import { normalCdf } from "@/lib/vsm/filter/normal-cdf";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { seasonalValue } from "@/lib/vsm/filter/seasonality";
import { DEFAULT_LEVELS, type PredictionInterval } from "@/lib/vsm/intelligence/prediction-interval";
import type { Millis } from "@/lib/vsm/types";

/**
 * The filter's predictive distribution of the series at future times (for S4, docs/domain.md
 * "Forecasts"): each regime component carried forward k typical intervals by G^k, with the
 * system noise of k intervals (regimes drawn from their priors), the observation noise of each
 * regime, the decaying autocorrelated part of the last residual and the seasonal baseline in use.
 * The distribution is a mixture of Gaussians (current component × observation regime), so its
 * bands are its own quantiles, not mean ± z·sd: the rare wide components (outliers) would make a
 * normal approximation far too wide for the bulk of outcomes.
 */

export interface ForecastPoint {
  time: Millis;
  mean: number;
  variance: number;
  /** Central intervals at the requested coverage levels, from the mixture's quantiles. */
  intervals: PredictionInterval[];
}

interface Component {
  weight: number;
  mean: number;
  variance: number;
}

/** Empty before the warm-up ends, when there is no posterior to carry forward; times must lie after the last point. */
export function forecast(
  state: FilterState,
  params: FilterParams,
  times: readonly Millis[],
  levels: readonly number[] = DEFAULT_LEVELS,
): ForecastPoint[] {
  if (!state.ready || state.lastTime === null) return [];
  for (const time of times)
    if (!(time > state.lastTime)) throw new RangeError(`forecast times must lie after the last point (${state.lastTime}), got ${time}`);
  return times.map((time) => {
    const components = componentsAt(
      state,
      params,
      (time - state.lastTime!) / state.interval,
      seasonalValue(state.season, state.season.active, time),
    );
    const mean = components.reduce((sum, c) => sum + c.weight * c.mean, 0);
    const variance = components.reduce((sum, c) => sum + c.weight * (c.variance + (c.mean - mean) ** 2), 0);
    const intervals = levels.map((level) => ({
      level,
      lower: quantile(components, (1 - level) / 2, mean, variance),
      upper: quantile(components, (1 + level) / 2, mean, variance),
    }));
    return { time, mean, variance, intervals };
  });
}

/**
 * The Gaussians of the predictive k intervals ahead: current component i × whether the level
 * changes within the k intervals (at the rate and sizes of the changes this series has shown,
 * change-history.ts) × the observation regime. A change is a rare, wide possibility, not a little
 * extra width on every path, so it is its own component. The transient regime is left out: an outlier is by nature
 * unforeseeable, so the bands speak for the values that are not outliers.
 */
function componentsAt(state: FilterState, params: FilterParams, k: number, seasonal: number): Component[] {
  const { weights, means, covariances: cov, noise } = state;
  const v = noise.variance;
  const { prior, rg, rd, re } = params;
  const rho = params.autocorrelation ? noise.autocorrelation : 0;
  // Steady system noise accumulated over k intervals of an integrated random walk.
  const [s11, s12] = [v * (rg[0]! + rd[0]!), v * rd[0]!];
  const steady = s11 * k + s12 * k * (k - 1) + (s12 * k * (k - 1) * (2 * k - 1)) / 6;
  // A level change within the k intervals, at the rate and of the sizes this series has shown.
  const { history } = state;
  const changed = 1 - Math.pow(1 - history.rate, k);
  // A step at any time within the k intervals shifts the level fully; a slope from a uniformly random start, by β²k²/3 on average.
  const jump = history.step + (history.slope * k * k) / 3;
  // The autocorrelated noise: its last value persists as ρ^k, and k innovations have accumulated.
  const persistence = Math.pow(rho, k);
  const accumulated = rho > 0 ? (1 - persistence * persistence) / (1 - rho * rho) : 1;
  const observed = prior[0]! + prior[1]! + prior[2]!;
  const components: Component[] = [];
  for (let i = 0; i < 4; i++) {
    const level = means[2 * i]!;
    const carried = cov[3 * i]! + 2 * k * cov[3 * i + 1]! + k * k * cov[3 * i + 2]!;
    const centre = level + k * means[2 * i + 1]! + persistence * (noise.previousInput - level) + seasonal;
    for (let j = 0; j < 3; j++) {
      const share = (weights[i]! * prior[j]!) / observed;
      const base = carried + steady + v * re[j]! * accumulated;
      components.push({ weight: share * (1 - changed), mean: centre, variance: base });
      if (changed > 0) components.push({ weight: share * changed, mean: centre, variance: base + jump });
    }
  }
  return components;
}

function cdf(components: readonly Component[], x: number): number {
  let p = 0;
  for (const c of components) p += c.weight * normalCdf((x - c.mean) / Math.sqrt(c.variance));
  return p;
}

/** The p-quantile of the mixture, by bisection within ±12 of its sds of its mean (the weights sum to 1 up to rounding). */
function quantile(components: readonly Component[], p: number, mean: number, variance: number): number {
  const spread = 12 * Math.sqrt(variance);
  let low = mean - spread;
  let high = mean + spread;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (cdf(components, middle) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
