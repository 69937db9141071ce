/** How urgently a finding (or a rule-raised signal) needs attention, most urgent first. */
export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 0 for critical, rising as urgency falls: sorts most urgent first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
