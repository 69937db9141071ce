import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { ViableSystem } from "@/lib/vsm/model/system";
import type { Millis } from "@/lib/vsm/types";

/** What storage knows about an indicator's data: when it last reported, and how often it should. */
export interface IndicatorActivity {
  readonly system: string;
  readonly indicator: string;
  /** Expected time between observations. */
  readonly period: Millis;
  /** Time of the latest observation, or null if it never reported. */
  readonly lastObservedAt: Millis | null;
  /** When the indicator started being expected (e.g. its creation); the reference if it never reported. */
  readonly since?: Millis;
}

/** Whole periods without data at `now`; Infinity when there is no reference time at all. */
export function periodsSilent(activity: IndicatorActivity, now: Millis): number {
  if (!(activity.period > 0) || !Number.isFinite(activity.period))
    throw new RangeError(`period of ${activity.system} ${activity.indicator} must be a positive number of milliseconds`);
  const reference = activity.lastObservedAt ?? activity.since;
  if (reference === undefined) return Infinity;
  return Math.max(0, Math.floor((now - reference) / activity.period));
}

function silentFor(system: ViableSystem, key: string, activity: IndicatorActivity, periods: number): string {
  if (activity.lastObservedAt === null)
    return periods === Infinity
      ? `"${key}" of "${system.path}" has never reported`
      : `"${key}" of "${system.path}" has not reported in the ${periods} periods since it was added`;
  return `"${key}" of "${system.path}" has had no data for ${periods} periods`;
}

/**
 * Indicators with no data for at least `silentPeriods` of their own periods. When every
 * operational indicator of a unit is silent, the unit itself has gone quiet — a silent S1 — which
 * is pain: one critical finding for the unit replaces the per-indicator warnings. `activity` holds
 * this system's entries by indicator key; indicators without an entry are not judged.
 */
export function silenceFindings(
  system: ViableSystem,
  activity: ReadonlyMap<string, IndicatorActivity>,
  now: Millis,
  silentPeriods: number,
): Finding[] {
  const { path, level } = system;
  const silent: { key: string; scope: string; message: string }[] = [];
  for (const indicator of system.indicators) {
    const entry = activity.get(indicator.key);
    if (entry === undefined) continue;
    const periods = periodsSilent(entry, now);
    if (periods >= silentPeriods)
      silent.push({ key: indicator.key, scope: indicator.scope, message: silentFor(system, indicator.key, entry, periods) });
  }
  const operations = system.indicators.filter((i) => i.scope === "operations");
  const silentOps = silent.filter((s) => s.scope === "operations");
  if (operations.length > 0 && silentOps.length === operations.length) {
    const rest = silent.filter((s) => s.scope !== "operations");
    return [
      {
        rule: "silent-unit",
        severity: "critical",
        level,
        path,
        valence: "pain",
        message: `Silent S1: none of the ${operations.length} operational indicators of "${path}" has reported for ${silentPeriods} or more periods (${silentOps.map((s) => s.key).join(", ")}).`,
        hint: `Check that "${path}" is running and that its telemetry still reaches the console.`,
      },
      ...rest.map((s) => indicatorFinding(system, s.key, s.message)),
    ];
  }
  return silent.map((s) => indicatorFinding(system, s.key, s.message));
}

function indicatorFinding(system: ViableSystem, key: string, message: string): Finding {
  return {
    rule: "silent-indicator",
    severity: "warning",
    level: system.level,
    path: system.path,
    indicator: key,
    message: `${message}.`,
    hint: `Check the sender of "${key}" for "${system.path}", or change its expected period if it reports less often.`,
  };
}

/**
 * Activity by system path, then indicator key. Entries for indicators no longer in the model are
 * simply never looked up (storage may still hold removed indicators).
 */
export function indexActivity(activity: readonly IndicatorActivity[]): Map<string, Map<string, IndicatorActivity>> {
  const index = new Map<string, Map<string, IndicatorActivity>>();
  for (const entry of activity) {
    const bySystem = index.get(entry.system) ?? new Map<string, IndicatorActivity>();
    bySystem.set(entry.indicator, entry);
    index.set(entry.system, bySystem);
  }
  return index;
}
