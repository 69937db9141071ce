import { countClasses, type ClassCounts } from "@/lib/vsm/entropy";
import { checkWindow, inWindow, type TimeWindow } from "@/lib/vsm/time-window";
import type { Millis } from "@/lib/vsm/types";

export const RESPONSE_KINDS = ["ack", "remedy", "runbook", "owner", "resolve"] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/**
 * A regulatory response applied by a system: the action of an acknowledgement, a remedy, a runbook
 * run, the owner who took a signal, or an operator's resolution (fixed, false alarm, the new
 * normal accepted: each a different way of ending the disturbance). `action` null means nothing
 * was applied (a bare ack only records who looked), which adds no regulatory variety.
 */
export type RegulatoryResponse = { at: Millis; kind: ResponseKind; action: string | null };

export function responseClass(r: RegulatoryResponse): string {
  return JSON.stringify([r.kind, r.action]);
}

/** How often each distinct response was applied within the window. */
export function responseCounts(responses: readonly RegulatoryResponse[], window: TimeWindow): ClassCounts {
  checkWindow(window);
  return countClasses(
    responses.filter((r) => r.action !== null && inWindow(r.at, window)),
    responseClass,
  );
}
