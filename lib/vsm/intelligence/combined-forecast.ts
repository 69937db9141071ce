import { holtForecast, type HoltFit } from "@/lib/vsm/intelligence/holt";
import { DEFAULT_LEVELS, predictionIntervals, type PredictionInterval } from "@/lib/vsm/intelligence/prediction-interval";

/**
 * S4's forecast per indicator (docs/design.md §3.6): the Cyberstride filter's predictive distribution
 * for the short horizon, where its regime-aware state is best informed, handing over to Holt's
 * trend for longer horizons. Between the two the forecast is their mixture (a linear opinion pool)
 * with filter weight w falling linearly from 1 to 0:
 *   mean = w·m_f + (1 − w)·m_h
 *   variance = w·v_f + (1 − w)·v_h + w(1 − w)(m_f − m_h)²
 * so disagreement between the two widens the bands instead of being averaged away. Where the
 * filter alone speaks, the bands are its own quantile bands when it gives them for the requested
 * levels; elsewhere they use a normal approximation to the mixture.
 */

/**
 * The filter's predictive distribution one step of the series' period after another: its mean and
 * variance, and (from lib/vsm/filter/forecast.ts) its own quantile bands, which are used wherever
 * the filter alone speaks. A mixture with rare wide components is far narrower in the bulk than a
 * normal of the same variance, so mean ± z·sd would overstate the uncertainty there.
 */
export type PredictiveStep = { mean: number; variance: number; intervals?: readonly PredictionInterval[] };

export type ForecastSource = "filter" | "blend" | "holt";

export type ForecastStep = {
  step: number;
  mean: number;
  /** null when Holt carries weight but had too few values to measure its error. */
  variance: number | null;
  filterWeight: number;
  source: ForecastSource;
  intervals: PredictionInterval[];
};

/** Filter weight: 1 up to `from`, 0 from `to` on (and beyond the filter's own steps), linear between. */
export type Handover = { from: number; to: number };

function weightAt(step: number, handover: Handover, filterSteps: number): number {
  if (step > filterSteps || step >= handover.to) return 0;
  if (step <= handover.from) return 1;
  return (handover.to - step) / (handover.to - handover.from);
}

export function combineForecast(input: {
  /** Steps 1, 2, … ahead, on the same period as the values Holt was fitted to. */
  filter: readonly PredictiveStep[];
  holt: HoltFit;
  horizon: number;
  /** Default: the filter alone for the first half of its steps, fading out by the step after its last. */
  handover?: Handover;
  levels?: readonly number[];
}): ForecastStep[] {
  const { filter, horizon } = input;
  for (const s of filter) {
    if (!(Number.isFinite(s.mean) && Number.isFinite(s.variance) && s.variance >= 0))
      throw new RangeError("filter steps need a finite mean and a variance ≥ 0");
  }
  const handover = input.handover ?? { from: Math.min(filter.length, Math.max(1, Math.floor(filter.length / 2))), to: filter.length + 1 };
  if (!(handover.from >= 0 && handover.from < handover.to))
    throw new RangeError(`a handover needs 0 ≤ from < to, got ${handover.from}…${handover.to}`);
  return holtForecast(input.holt, horizon).map((h): ForecastStep => {
    const w = weightAt(h.step, handover, filter.length);
    const f = filter[h.step - 1];
    let mean = h.mean;
    let variance = h.variance;
    if (f && w > 0) {
      mean = w * f.mean + (1 - w) * h.mean;
      variance =
        w === 1 ? f.variance : h.variance === null ? null : w * f.variance + (1 - w) * h.variance + w * (1 - w) * (f.mean - h.mean) ** 2;
    }
    const source: ForecastSource = w === 1 ? "filter" : w === 0 ? "holt" : "blend";
    const levels = input.levels ?? DEFAULT_LEVELS;
    const own = source === "filter" ? filterIntervals(f, levels) : undefined;
    return {
      step: h.step,
      mean,
      variance,
      filterWeight: w,
      source,
      intervals: own ?? (variance === null ? [] : predictionIntervals(mean, variance, levels)),
    };
  });
}

/** The filter's own bands at exactly the requested levels, if it gave them. */
function filterIntervals(step: PredictiveStep | undefined, levels: readonly number[]): PredictionInterval[] | undefined {
  const given = step?.intervals;
  if (!given) return undefined;
  const chosen = levels.map((level) => given.find((band) => band.level === level));
  return chosen.every((band) => band !== undefined) ? chosen : undefined;
}
