/**
 * Holt's linear trend method (double exponential smoothing) for S4's longer horizons, on values
 * one period apart:
 *   level  ℓ_t = α·y_t + (1 − α)(ℓ_{t−1} + b_{t−1})
 *   trend  b_t = β(ℓ_t − ℓ_{t−1}) + (1 − β)·b_{t−1}
 *   forecast ŷ_{t+h} = ℓ_t + h·b_t
 * started from ℓ_0 = y_0, b_0 = y_1 − y_0. Its prediction variance is that of the equivalent
 * state-space model ETS(A,A,N) (Hyndman et al., Forecasting with Exponential Smoothing, 2008):
 *   σ_h² = σ²·(1 + Σ_{j=1}^{h−1} (α + j·αβ)²)
 * with σ² the mean squared one-step error.
 */

export type HoltParameters = { alpha: number; beta: number };

export type HoltFit = HoltParameters & {
  level: number;
  trend: number;
  /** Values fitted. */
  n: number;
  /** Sum of squared one-step errors (the first is zero by construction and not counted). */
  sse: number;
  /** σ², the mean squared one-step error; null with under three values (no error to measure). */
  residualVariance: number | null;
};

export type HoltForecast = { step: number; mean: number; variance: number | null };

function checkParameters({ alpha, beta }: HoltParameters) {
  if (!(alpha > 0 && alpha <= 1 && beta >= 0 && beta <= 1))
    throw new RangeError(`Holt needs 0 < α ≤ 1 and 0 ≤ β ≤ 1, got α=${alpha}, β=${beta}`);
}

export function fitHolt(values: readonly number[], parameters: HoltParameters): HoltFit {
  checkParameters(parameters);
  const { alpha, beta } = parameters;
  if (values.length < 2) throw new RangeError(`Holt needs at least two values, got ${values.length}`);
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("Holt needs finite values");
  let level = values[0]!;
  let trend = values[1]! - values[0]!;
  let sse = 0;
  for (let t = 1; t < values.length; t++) {
    const y = values[t]!;
    const error = y - (level + trend);
    if (t >= 2) sse += error * error;
    const previous = level;
    level = alpha * y + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  const errors = values.length - 2;
  return { alpha, beta, level, trend, n: values.length, sse, residualVariance: errors > 0 ? sse / errors : null };
}

/** Forecasts 1…horizon periods after the last value fitted. */
export function holtForecast(fit: HoltFit, horizon: number): HoltForecast[] {
  if (!(Number.isInteger(horizon) && horizon >= 0)) throw new RangeError(`a horizon is a whole number ≥ 0, got ${horizon}`);
  const forecasts: HoltForecast[] = [];
  let spread = 1;
  for (let h = 1; h <= horizon; h++) {
    // Σ accumulates (α + j·αβ)² for j = 1…h−1.
    if (h > 1) spread += (fit.alpha + (h - 1) * fit.alpha * fit.beta) ** 2;
    forecasts.push({
      step: h,
      mean: fit.level + h * fit.trend,
      variance: fit.residualVariance === null ? null : fit.residualVariance * spread,
    });
  }
  return forecasts;
}
