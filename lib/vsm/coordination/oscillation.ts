import { autocorrelation } from "@/lib/vsm/coordination/correlation";
import { detrend } from "@/lib/vsm/coordination/detrend";
import { turningPoints } from "@/lib/vsm/coordination/turning-points";
import type { Point } from "@/lib/vsm/temporal/bucket";
import type { Millis } from "@/lib/vsm/types";

export type OscillationOptions = {
  /** Turns needed, both in the raw series and around its trend: 4 turns are two full cycles. */
  minSwings: number;
  /** The detrended series must anti-correlate with itself half a period later at least this much. */
  minAntiCorrelation: number;
  /** Smallest amplitude worth flagging, in the indicator's unit. */
  minAmplitude: number;
  /** Retrace needed for a turn to count (see turning-points.ts); the filter's noise √V is a good value. */
  hysteresis: number;
  /** Share of the amplitude the recommended damping should leave. */
  targetGain: number;
  /** Fewer points than this say nothing about cycles. */
  minPoints: number;
};

export const DEFAULT_OSCILLATION_OPTIONS: OscillationOptions = {
  minSwings: 4,
  minAntiCorrelation: 0.3,
  minAmplitude: 0,
  hysteresis: 0,
  targetGain: 0.5,
  minPoints: 8,
};

export type OscillationAnalysis = {
  points: number;
  /** Turns of the raw series: a monotonic series has none, so it can never oscillate. */
  reversals: number;
  /** Turns of the detrended series (sign changes of its deltas). */
  swings: number;
  /** Half the mean rise or fall between consecutive detrended turns; null with under two turns. */
  amplitude: number | null;
  /** Twice the mean time between detrended turns; null with under two turns. */
  period: Millis | null;
  periodSamples: number | null;
  /** −autocorrelation of the detrended series at half the period: near 1 for a regular cycle, near 0 for noise. */
  antiCorrelation: number | null;
  oscillating: boolean;
};

export function resolveOptions(options: Partial<OscillationOptions>): OscillationOptions {
  const o = { ...DEFAULT_OSCILLATION_OPTIONS, ...options };
  if (!(Number.isInteger(o.minSwings) && o.minSwings >= 2))
    throw new RangeError(`minSwings must be a whole number ≥ 2, got ${o.minSwings}`);
  return o;
}

/** Whether `points` (sorted by time) swing regularly around their trend, and how. */
export function analyseOscillation(points: readonly Point[], options: Partial<OscillationOptions> = {}): OscillationAnalysis {
  const o = resolveOptions(options);
  const residuals = detrend(points);
  const reversals = turningPoints(
    points.map((p) => p.value),
    o.hysteresis,
  ).length;
  const turns = turningPoints(residuals, o.hysteresis);
  const base = { points: points.length, reversals, swings: turns.length };
  if (turns.length < 2) return { ...base, amplitude: null, period: null, periodSamples: null, antiCorrelation: null, oscillating: false };
  const first = turns[0]!;
  const last = turns[turns.length - 1]!;
  let swing = 0;
  for (let k = 1; k < turns.length; k++) swing += Math.abs(residuals[turns[k]!]! - residuals[turns[k - 1]!]!);
  const amplitude = swing / (turns.length - 1) / 2;
  const period = (2 * (points[last]!.at - points[first]!.at)) / (turns.length - 1);
  const periodSamples = (2 * (last - first)) / (turns.length - 1);
  const acf = autocorrelation(residuals, Math.max(1, Math.round(periodSamples / 2)));
  const antiCorrelation = acf === null ? null : -acf;
  const oscillating =
    points.length >= o.minPoints &&
    reversals >= o.minSwings &&
    turns.length >= o.minSwings &&
    antiCorrelation !== null &&
    antiCorrelation >= o.minAntiCorrelation &&
    amplitude >= o.minAmplitude;
  return { ...base, amplitude, period, periodSamples, antiCorrelation, oscillating };
}
