import type { Policy } from "@/lib/vsm/policy";
import type { Band, Regime } from "@/lib/vsm/types";

/** One period's filter verdict for the signal's indicator. */
export interface PeriodObservation {
  regime: Regime;
  band: Band;
}

/**
 * docs/design.md §3.3 remedy: the filter back to steady with the index in the normal band for
 * policy.escalation.remedyPeriods consecutive periods. Any other period starts the count again,
 * so a unit cannot bank good periods across a relapse.
 */
export function trackRemedy(streak: number, observation: PeriodObservation, policy: Policy): { streak: number; remedied: boolean } {
  const next = observation.regime === "steady" && observation.band === "normal" ? streak + 1 : 0;
  return { streak: next, remedied: next >= policy.escalation.remedyPeriods };
}
