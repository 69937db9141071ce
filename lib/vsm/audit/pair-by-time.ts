import type { Point } from "@/lib/vsm/temporal/bucket";
import type { Millis } from "@/lib/vsm/types";

/** An audit sample and the unit's own report nearest to it in time. */
export type AuditPair = { at: Millis; reported: number; audited: number; gap: Millis };

/**
 * Pairs each audit sample with the self-reported value nearest in time, if one lies within
 * `maxGap`. Audits are spot checks, so one report may face several audits; an audit with no report
 * near it is left out rather than compared with a stale value. Ties go to the later report
 * (the latest value in effect).
 */
export function pairByTime(reported: readonly Point[], audited: readonly Point[], maxGap: Millis): AuditPair[] {
  if (!(maxGap >= 0)) throw new RangeError(`maxGap must be ≥ 0, got ${maxGap}`);
  const reports = [...reported].sort((a, b) => a.at - b.at);
  const audits = [...audited].sort((a, b) => a.at - b.at);
  const pairs: AuditPair[] = [];
  let j = 0;
  for (const audit of audits) {
    // Distance to sorted reports falls then rises, and audits are sorted too, so j only moves forward.
    while (j + 1 < reports.length && Math.abs(reports[j + 1]!.at - audit.at) <= Math.abs(reports[j]!.at - audit.at)) j += 1;
    const report = reports[j];
    if (report && Math.abs(report.at - audit.at) <= maxGap) {
      pairs.push({ at: audit.at, reported: report.value, audited: audit.value, gap: Math.abs(report.at - audit.at) });
    }
  }
  return pairs;
}
