import type { AntiPhase } from "@/lib/vsm/coordination/anti-phase";
import type { Damping } from "@/lib/vsm/coordination/damping";
import type { Oscillation } from "@/lib/vsm/coordination/detect-oscillation";
import type { CoordinatedIndicator, CoordinatedUnit } from "@/lib/vsm/diagnosis/coordinated-indicators";
import { describeNumber, describePeriod, describeValue } from "@/lib/vsm/diagnosis/describe-measure";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { pairAntiPhase, unitOscillation } from "@/lib/vsm/diagnosis/sibling-oscillation";
import type { Point } from "@/lib/vsm/temporal/bucket";
import type { TimeWindow } from "@/lib/vsm/time-window";

/** A unit's stored series of one indicator (its recent points); empty when it has none. */
export type SeriesOf = (unit: string, key: string) => readonly Point[];

/**
 * The recommended damping in words. The smoothing constant is per point of the series as it is
 * sent, and the residual swing is in the indicator's unit.
 */
function damping(d: Damping, unit: string): string {
  return `exponential smoothing with α ≈ ${describeNumber(d.alpha)} per point leaves about ${describeNumber(d.gain * 100)}% of the swing (±${describeValue(d.residualAmplitude, unit)})`;
}

function oscillating(group: CoordinatedIndicator, member: CoordinatedUnit, o: Oscillation): Finding {
  const { system, key } = group;
  const unit = member.indicator.unit;
  const siblings = group.units.filter((u) => u.path !== member.path).map((u) => `"${u.path}"`);
  return {
    rule: "oscillating-unit",
    severity: "warning",
    level: system.level,
    path: system.path,
    unit: member.path,
    indicator: key,
    message: `"${member.path}" oscillates on "${key}": ±${describeValue(o.amplitude!, unit)} every ${describePeriod(o.period!)}, over ${o.points} points; it shares "${key}" with ${siblings.join(", ")}, which S2 of "${system.path}" coordinates.`,
    hint: `S2 of "${system.path}": damp "${member.path}" — share a schedule for, or rate-limit, what "${key}" measures; or smooth the control action it reacts to: ${damping(o.damping!, unit)}.`,
  };
}

function antiPhase(group: CoordinatedIndicator, pair: AntiPhase, unit: string): Finding {
  const { system, key } = group;
  const [a, b] = pair.units;
  return {
    rule: "anti-phase-units",
    severity: "warning",
    level: system.level,
    path: system.path,
    unit: a,
    units: pair.units,
    indicator: key,
    message: `"${a}" and "${b}" take turns on "${key}" in anti-phase: each swings ±${describeValue(pair.amplitude, unit)} against the other every ${describePeriod(pair.period)} (correlation ${describeNumber(pair.correlation)}, ${pair.samples} points paired).`,
    hint: `S2 of "${system.path}": share a schedule for, or rate-limit, the resource "${key}" measures; or smooth the allocation both react to: ${damping(pair.damping, unit)}.`,
  };
}

/**
 * S2 findings for one shared indicator of coordinated siblings: each pair that takes turns in
 * anti-phase, and each unit that oscillates on its own. A unit in an anti-phase pair is not
 * reported again alone: the pair is its oscillation, and the pair's damping its fix. Pairs are
 * compared only in the same unit — a difference of series in different units means nothing.
 */
export function oscillationFindings(group: CoordinatedIndicator, seriesOf: SeriesOf, window: TimeWindow): Finding[] {
  const series = group.units.map((u) => ({ unit: u.path, resource: group.key, points: seriesOf(u.path, group.key) }));
  const findings: Finding[] = [];
  const paired = new Set<string>();
  for (let i = 0; i < series.length; i++)
    for (let j = i + 1; j < series.length; j++) {
      const unit = group.units[i]!.indicator.unit;
      if (unit !== group.units[j]!.indicator.unit) continue;
      const pair = pairAntiPhase(series[i]!, series[j]!, window);
      if (pair === null) continue;
      findings.push(antiPhase(group, pair, unit));
      for (const path of pair.units) paired.add(path);
    }
  group.units.forEach((member, i) => {
    if (paired.has(member.path)) return;
    const found = unitOscillation(member.path, series[i]!.points, window);
    if (found) findings.push(oscillating(group, member, found));
  });
  return findings;
}
