import { regimesFor, type Policy } from "@/lib/vsm/policy";
import type { IndexKind } from "@/lib/vsm/model/kinds";
import { isRatioIndex } from "@/lib/vsm/triple-index";
import { REGIMES, type Direction } from "@/lib/vsm/types";

/**
 * Everything the filter needs from S5 policy and the indicator, resolved once per indicator into
 * flat per-regime arrays (REGIMES order) so the hot loop reads numbers, not nested objects.
 */
export interface FilterParams {
  /** Multipliers of V per regime: observation rε, level rγ, slope rδ; and log π. */
  re: readonly number[];
  rg: readonly number[];
  rd: readonly number[];
  prior: readonly number[];
  logPrior: readonly number[];
  warmup: number;
  varianceLearningRate: number;
  thresholds: { transient: number; stepImmediate: number; stepConfirm: number; slope: number; surprise: number; surpriseConfirm: number };
  /** The sustained-shift CUSUM's allowance k and threshold h (level-shift.ts). */
  shift: { allowance: number; threshold: number; warning: number };
  direction: Direction;
  /** The level whose wrong side (below for "up", above for "down") sets the band; none → normal. */
  limit: number | undefined;
  bands: { alert: number; crisis: number };
}

export interface IndicatorFilterOptions {
  direction: Direction;
  /** Defaults to productivity, the series DESIGN.md §3.1 filters unless told otherwise. */
  kind?: IndexKind;
  family?: string | null;
  /** An explicit limit; ratio indices otherwise use policy.bands.floor. */
  limit?: number;
}

export function filterParams(policy: Policy, options: IndicatorFilterOptions): FilterParams {
  const regimes = regimesFor(policy, options.family);
  const settings = REGIMES.map((regime) => regimes[regime]);
  const kind = options.kind ?? "productivity";
  const { transient, stepImmediate, stepConfirm, slope, warmup, varianceLearningRate, shiftAllowance, shiftThreshold, shiftWarning, surpriseRaise, surpriseConfirm } = policy.filter;
  return {
    re: settings.map((s) => s.re),
    rg: settings.map((s) => s.rg),
    rd: settings.map((s) => s.rd),
    prior: settings.map((s) => s.prior),
    logPrior: settings.map((s) => Math.log(s.prior)),
    warmup,
    varianceLearningRate,
    thresholds: { transient, stepImmediate, stepConfirm, slope, surprise: surpriseRaise, surpriseConfirm },
    shift: { allowance: shiftAllowance, threshold: shiftThreshold, warning: shiftWarning },
    direction: options.direction,
    limit: options.limit ?? (isRatioIndex(kind) ? policy.bands.floor : undefined),
    bands: { alert: policy.bands.alert, crisis: policy.bands.crisis },
  };
}
