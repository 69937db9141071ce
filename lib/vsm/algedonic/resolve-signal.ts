import { closeSignal } from "@/lib/vsm/algedonic/close-signal";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import { reject, type Step } from "@/lib/vsm/algedonic/signal-result";
import type { Millis } from "@/lib/vsm/types";

type Resolve = Extract<SignalEvent, { type: "resolve" }>;
type Note = Extract<SignalEvent, { type: "note" }>;

const HOW: Record<NonNullable<Resolve["resolution"]>, string> = {
  fixed: "resolved as fixed",
  "accepted-new-normal": "accepted as the new normal",
  "false-alarm": "resolved as a false alarm",
  "alert-resolved": "its alert resolved",
};

/**
 * An operator closes the signal without the filter's remedy — as fixed, as a false alarm, or
 * accepting the changed level as the new normal (docs/design.md §3.3) — or the external alert it
 * stands for resolved. That overrides the ladder, so the reason is mandatory: the timeline must
 * say why the organisation stopped the clock.
 */
export function resolveSignal(signal: Signal, event: Resolve, now: Millis): Step {
  const reason = event.reason.trim();
  if (reason === "") return reject("reason-required", "resolving a signal needs a reason");
  const resolution = event.resolution ?? "fixed";
  return closeSignal(signal, "resolved", resolution, {
    at: now,
    actor: event.actor,
    kind: "resolved",
    reason: `${HOW[resolution]}: ${reason}`,
  });
}

/** Operators' notes (PagerDuty's vocabulary): in the timeline, changing nothing else. */
export function noteSignal(signal: Signal, event: Note, now: Millis): Step {
  const text = event.text.trim();
  if (text === "") return reject("reason-required", "a note needs text");
  return { signal: recordTransition(signal, {}, { at: now, actor: event.actor, kind: "noted", reason: text }), notify: [] };
}
