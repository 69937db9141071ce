import type { Actor, Signal, TimelineEntry } from "@/lib/vsm/algedonic/schemas";
import type { AttentionRecord } from "@/lib/vsm/homeostat/attention-share";
import type { RegulatoryResponse } from "@/lib/vsm/variety/response";
import type { IndicatorScope } from "@/lib/view/variety-input";

/**
 * What a signal's timeline says was done about it (docs/variety.md): the regulatory responses
 * that make up H(R), and the operators' actions that make up the S3↔S4 homeostat. Read from the
 * stored timeline, so every figure counts entries that exist.
 */

function actorName(actor: Actor): string {
  return actor.type === "user" ? `user:${actor.id}` : `system:${actor.component}`;
}

/**
 * A resolve entry is an operator's unless the signal's external alert resolved it: the sender
 * ending its own alert is the disturbance going away, not a response.
 */
function isOperatorResolve(signal: Signal, entry: TimelineEntry): boolean {
  return entry.kind === "resolved" && signal.closeReason !== "alert-resolved";
}

/**
 * An acknowledgement applies an owner (the actor who took it); an operator's resolve applies its
 * resolution ("fixed" when none is recorded); a remedy by the data applies the regulation of the
 * indicator's family, or of the indicator itself when it has none.
 */
export function responsesOf(signal: Signal): RegulatoryResponse[] {
  return signal.timeline.flatMap((entry): RegulatoryResponse[] => {
    if (entry.kind === "acknowledged") return [{ at: entry.at, kind: "owner", action: actorName(entry.actor) }];
    if (isOperatorResolve(signal, entry)) return [{ at: entry.at, kind: "resolve", action: signal.closeReason ?? "fixed" }];
    if (entry.kind === "remedied") return [{ at: entry.at, kind: "remedy", action: signal.family ?? signal.indicator }];
    return [];
  });
}

/**
 * One unit of attention per operator action — an acknowledgement, a resolve, a note — never the
 * system's own transitions. Attention to an environment indicator's signal is S4's ("outside and
 * then"); to anything else, S3's ("inside and now").
 */
export function attentionOf(signal: Signal, scope: IndicatorScope | null): AttentionRecord[] {
  const tag = scope === "environment" ? "S4" : "S3";
  return signal.timeline
    .filter((entry) => entry.kind === "acknowledged" || entry.kind === "noted" || isOperatorResolve(signal, entry))
    .map((entry) => ({ at: entry.at, tag, weight: 1 }));
}
