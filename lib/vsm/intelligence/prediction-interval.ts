import { normalQuantile } from "@/lib/vsm/intelligence/normal-quantile";

/** A central prediction band: the forecast is inside it with probability `level`. */
export type PredictionInterval = { level: number; lower: number; upper: number };

/** The bands operators see by default. */
export const DEFAULT_LEVELS = [0.8, 0.95] as const;

/** Bands mean ± z·√variance under a normal approximation, z the (1 + level)/2 quantile. */
export function predictionIntervals(mean: number, variance: number, levels: readonly number[] = DEFAULT_LEVELS): PredictionInterval[] {
  if (!(Number.isFinite(variance) && variance >= 0)) throw new RangeError(`a variance must be finite and ≥ 0, got ${variance}`);
  return levels.map((level) => {
    if (!(level > 0 && level < 1)) throw new RangeError(`a band level lies in (0, 1), got ${level}`);
    const half = normalQuantile((1 + level) / 2) * Math.sqrt(variance);
    return { level, lower: mean - half, upper: mean + half };
  });
}
