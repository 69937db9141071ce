import { pairByTime, type AuditPair } from "@/lib/vsm/audit/pair-by-time";
import type { Point } from "@/lib/vsm/temporal/bucket";
import { checkWindow, inWindow, type TimeWindow } from "@/lib/vsm/time-window";
import { MINUTE, type Millis } from "@/lib/vsm/types";

/**
 * S3* audit (docs/design.md §3.6): a unit's self-reported indicator against an independent audit source
 * for the same indicator. Drift is measured on the means of the paired samples, so single noisy
 * samples do not raise findings but a systematic bias does.
 */
export type Drift = {
  samples: number;
  reportedMean: number;
  auditedMean: number;
  /** reportedMean − auditedMean, in the indicator's unit. */
  absolute: number;
  /** absolute / |auditedMean|; null when the audit mean is 0 and the report is not (unbounded). */
  relative: number | null;
};

export type AuditFinding = Drift & {
  kind: "audit-drift";
  unit: string;
  indicator: string;
  window: TimeWindow;
  direction: "over-reported" | "under-reported";
  /** |relative|; null when unbounded (see Drift.relative). */
  magnitude: number | null;
  tolerance: number;
};

export function measureDrift(pairs: readonly AuditPair[]): Drift | null {
  if (pairs.length === 0) return null;
  const reportedMean = pairs.reduce((s, p) => s + p.reported, 0) / pairs.length;
  const auditedMean = pairs.reduce((s, p) => s + p.audited, 0) / pairs.length;
  const absolute = reportedMean - auditedMean;
  const relative = auditedMean !== 0 ? absolute / Math.abs(auditedMean) : absolute === 0 ? 0 : null;
  return { samples: pairs.length, reportedMean, auditedMean, absolute, relative };
}

export const DEFAULT_MAX_GAP: Millis = 5 * MINUTE;

/** A finding when the relative drift is beyond policy.audit.tolerance; null otherwise or without pairs. */
export function auditDrift(input: {
  unit: string;
  indicator: string;
  reported: readonly Point[];
  audited: readonly Point[];
  window: TimeWindow;
  tolerance: number;
  /** Largest time between an audit sample and the report it is compared with. */
  maxGap?: Millis;
}): AuditFinding | null {
  const { window, tolerance } = input;
  checkWindow(window);
  if (!(tolerance >= 0)) throw new RangeError(`an audit tolerance must be ≥ 0, got ${tolerance}`);
  const within = (ps: readonly Point[]) => ps.filter((p) => inWindow(p.at, window));
  const drift = measureDrift(pairByTime(within(input.reported), within(input.audited), input.maxGap ?? DEFAULT_MAX_GAP));
  if (!drift) return null;
  const magnitude = drift.relative === null ? null : Math.abs(drift.relative);
  if (magnitude !== null && magnitude <= tolerance) return null;
  return {
    kind: "audit-drift",
    unit: input.unit,
    indicator: input.indicator,
    window,
    direction: drift.absolute > 0 ? "over-reported" : "under-reported",
    magnitude,
    tolerance,
    ...drift,
  };
}
