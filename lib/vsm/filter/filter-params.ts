import { regimesFor, type Policy } from "@/lib/vsm/policy";
import type { IndexKind } from "@/lib/vsm/model/kinds";
import { isRatioIndex } from "@/lib/vsm/triple-index";
import { REGIMES, type Direction, type Millis } from "@/lib/vsm/types";

/**
 * Everything the filter needs from S5 policy and the indicator, resolved once per indicator into
 * flat per-regime arrays (REGIMES order) so the hot loop reads numbers, not nested objects.
 */
export interface FilterParams {
  /** Multipliers of V per regime per typical interval: observation rε, level rγ, slope rδ; and π. */
  re: readonly number[];
  rg: readonly number[];
  rd: readonly number[];
  prior: readonly number[];
  warmup: number;
  varianceLearningRate: number;
  referenceLearningRate: number;
  scaleLearningRate: number;
  /** The change tests' thresholds, in noise standard deviations (change-test.ts). */
  tests: { surprise: number; sustain: number; pair: number; allowance: number; threshold: number; spike: number };
  quiet: Millis;
  seasonality: boolean;
  autocorrelation: boolean;
  direction: Direction;
  /** The level whose wrong side (below for "up", above for "down") sets the band; none → normal. */
  limit: number | undefined;
  bands: { alert: number; crisis: number };
}

export interface IndicatorFilterOptions {
  direction: Direction;
  /** Defaults to productivity, the series docs/design.md §3.1 filters unless told otherwise. */
  kind?: IndexKind;
  family?: string | null;
  /** An explicit limit; ratio indices otherwise use policy.bands.floor. */
  limit?: number;
}

export function filterParams(policy: Policy, options: IndicatorFilterOptions): FilterParams {
  const regimes = regimesFor(policy, options.family);
  const settings = REGIMES.map((regime) => regimes[regime]);
  const kind = options.kind ?? "productivity";
  const f = policy.filter;
  return {
    re: settings.map((s) => s.re),
    rg: settings.map((s) => s.rg),
    rd: settings.map((s) => s.rd),
    prior: settings.map((s) => s.prior),
    warmup: f.warmup,
    varianceLearningRate: f.varianceLearningRate,
    referenceLearningRate: f.referenceLearningRate,
    scaleLearningRate: f.scaleLearningRate,
    tests: {
      surprise: f.surprise,
      sustain: f.sustain,
      pair: f.pair,
      allowance: f.shiftAllowance,
      threshold: f.shiftThreshold,
      spike: f.spike,
    },
    quiet: f.quiet,
    seasonality: f.seasonality === "auto",
    autocorrelation: f.autocorrelation === "auto",
    direction: options.direction,
    limit: options.limit ?? (isRatioIndex(kind) ? policy.bands.floor : undefined),
    bands: { alert: policy.bands.alert, crisis: policy.bands.crisis },
  };
}
