import type { Direction } from "@/lib/vsm/types";

/**
 * How a quiet indicator behaves in the simulator (docs/simulator.md): a level, how much of the
 * day's cycle it follows, how noisy it is and in what shape. Chosen from what the model says about
 * the indicator (family, unit of measure, capability), so any model gets plausible series, not
 * only the example the scenario was written for.
 */
export type NoiseShape =
  /** Autocorrelated Gaussian noise, relative to the level: rates, saturations, business figures. */
  | "gaussian"
  /** Log-normal with occasional heavier tails: latencies and other waiting times. */
  | "heavy-tailed"
  /** Small counts of discrete events: failures per day, incidents. */
  | "counts";

export interface SeriesProfile {
  level: number;
  /** Relative swing of the daily cycle (0.08 = ±8 % around the level, peak in the afternoon). */
  diurnal: number;
  /** Relative noise (standard deviation of the noise over the level). */
  noise: number;
  shape: NoiseShape;
  /** Lag-one autocorrelation of the noise. */
  persistence: number;
  /** Hard limits of the quantity (a percentage stays within 0–100). */
  min: number;
  max: number;
  /** Decimal places the sender reports. */
  decimals: number;
  /** A per-second rate sent as a cumulative OTLP counter (the console turns it back into a rate). */
  counter: boolean;
}

export interface IndicatorFacts {
  key: string;
  family?: string | undefined;
  unit: string;
  direction: Direction;
  index: string;
  capability?: number | undefined;
  potentiality?: number | undefined;
}

/** Where a level comes from when the model gives no capability: a stable pick within a plausible range. */
function within(low: number, high: number, pick: number): number {
  return low + (high - low) * pick;
}

function latencyLevel(unit: string, pick: number): number {
  if (unit === "ms") return within(80, 320, pick);
  if (unit === "s") return within(0.5, 4, pick);
  if (unit === "min") return within(5, 30, pick);
  if (unit === "h") return within(2, 8, pick);
  return within(10, 100, pick);
}

const PERCENT = { min: 0, max: 100 };
const UNBOUNDED = { min: 0, max: Number.POSITIVE_INFINITY };

/**
 * The profile of one indicator. `pick` is a stable number in [0, 1) for the indicator (from the
 * seed), so the same model and seed always give the same levels.
 */
export function seriesProfile(indicator: IndicatorFacts, pick: number): SeriesProfile {
  const percent = indicator.unit.startsWith("%");
  const bounds = percent ? PERCENT : UNBOUNDED;
  const base = { diurnal: 0, persistence: 0.6, counter: false, decimals: 2, ...bounds };
  switch (indicator.family) {
    case "traffic": {
      // A productivity index wants actuality near capability: a quiet unit sits in the normal band.
      const level = indicator.capability ?? (indicator.potentiality ? indicator.potentiality * 0.4 : within(50, 500, pick));
      const scaled = percent ? within(1, 5, pick) : level;
      return { ...base, level: scaled, diurnal: percent ? 0 : 0.06, noise: 0.02, shape: "gaussian", counter: /\/s$/.test(indicator.unit) };
    }
    case "latency":
      return { ...base, level: latencyLevel(indicator.unit, pick), noise: 0.06, shape: "heavy-tailed", decimals: 3 };
    case "errors":
      return percent
        ? { ...base, level: within(0.2, 1.2, pick), noise: 0.15, shape: "heavy-tailed", decimals: 3 }
        : { ...base, level: within(3, 20, pick), noise: 0, shape: "counts", persistence: 0, decimals: 0 };
    case "saturation":
      return percent
        ? { ...base, level: within(40, 60, pick), diurnal: 0.05, noise: 0.03, shape: "gaussian", decimals: 1 }
        : { ...base, level: within(20, 200, pick), diurnal: 0.05, noise: 0.05, shape: "gaussian", decimals: 1 };
    case "slo":
      return percent
        ? { ...base, level: within(99.9, 99.98, pick), noise: 0.00005, shape: "gaussian", decimals: 3 }
        : { ...base, level: within(1, 4, pick), noise: 0, shape: "counts", persistence: 0, decimals: 0 };
    default: {
      const level = indicator.potentiality
        ? indicator.potentiality * within(0.88, 0.95, pick)
        : percent
          ? within(20, 95, pick)
          : within(20, 200, pick);
      return { ...base, level, noise: 0.01, shape: "gaussian", persistence: 0.8 };
    }
  }
}
