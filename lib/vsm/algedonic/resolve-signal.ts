import { notifyHolders } from "@/lib/vsm/algedonic/notify-holders";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import { reject, type Step } from "@/lib/vsm/algedonic/signal-result";
import type { Millis } from "@/lib/vsm/types";

type Resolve = Extract<SignalEvent, { type: "resolve" }>;
type Note = Extract<SignalEvent, { type: "note" }>;

/**
 * An operator closes the signal without the filter's remedy. That overrides the ladder, so the
 * reason is mandatory: the timeline must say why the organisation stopped the clock.
 */
export function resolveSignal(signal: Signal, event: Resolve, now: Millis): Step {
  const reason = event.reason.trim();
  if (reason === "") return reject("reason-required", "resolving a signal needs a reason");
  const resolved = recordTransition(
    signal,
    { state: "resolved", closedAt: now, deadlines: { escalateAt: null, repeatAt: null } },
    { at: now, actor: event.actor, kind: "resolved", reason },
  );
  // A provisional signal was never announced, so its resolution is not news to anyone.
  return { signal: resolved, notify: signal.state === "provisional" ? [] : notifyHolders(resolved, "closed", now) };
}

/** Operators' notes (PagerDuty's vocabulary): in the timeline, changing nothing else. */
export function noteSignal(signal: Signal, event: Note, now: Millis): Step {
  const text = event.text.trim();
  if (text === "") return reject("reason-required", "a note needs text");
  return { signal: recordTransition(signal, {}, { at: now, actor: event.actor, kind: "noted", reason: text }), notify: [] };
}
