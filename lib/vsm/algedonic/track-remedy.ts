import type { Reference } from "@/lib/vsm/algedonic/schemas";
import type { Policy } from "@/lib/vsm/policy";
import type { Band, Millis } from "@/lib/vsm/types";

/**
 * Whether a level is back at the reference (docs/design.md §3.3): no further in the direction the
 * change went than the policy's tolerance, in the reference's predictive standard deviations. A
 * degradation the filter merely learns as its new level is not back: it stays where it went.
 */
export function isBack(reference: Reference, level: number, policy: Policy): boolean {
  return (level - reference.level) * reference.direction <= policy.escalation.remedyTolerance * reference.sd;
}

/**
 * The remedy clock after one period: running since the first period back at the reference and in
 * the normal band, reset by any period that is not; remedied once it has run k periods of time
 * (policy.escalation.remedyPeriods × the indicator's usual interval), so a burst of points in one
 * instant does not count as k periods.
 */
export function trackRemedy(
  since: Millis | null,
  reference: Reference,
  observation: { level: number; band: Band },
  now: Millis,
  policy: Policy,
): { since: Millis | null; remedied: boolean } {
  if (observation.band !== "normal" || !isBack(reference, observation.level, policy)) return { since: null, remedied: false };
  const start = since ?? now;
  return { since: start, remedied: now - start >= policy.escalation.remedyPeriods * reference.period };
}
