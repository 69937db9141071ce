import { closeSignal } from "@/lib/vsm/algedonic/close-signal";
import { bypassNotifications } from "@/lib/vsm/algedonic/notify-holders";
import { recordTransition, type TransitionNote } from "@/lib/vsm/algedonic/record-transition";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { Step } from "@/lib/vsm/algedonic/signal-result";
import { needsBypass } from "@/lib/vsm/algedonic/start-ladder";
import { trackRemedy } from "@/lib/vsm/algedonic/track-remedy";
import { describeDuration } from "@/lib/vsm/algedonic/describe-duration";
import { policyAt, type LadderPolicy } from "@/lib/vsm/policy";
import type { Band, Millis } from "@/lib/vsm/types";

type Observe = Extract<SignalEvent, { type: "observe" }>;

const SEVERITY: Record<Band, number> = { normal: 0, alert: 1, crisis: 2 };

/** Whether `band` is worse than the worst the signal has seen. */
export function isWorse(signal: Signal, band: Band): boolean {
  return SEVERITY[band] > SEVERITY[signal.band];
}

/** After a transition that made the band a crisis: straight to the root's S5 too, if the owner's policy says so. */
export function bypassIfDue(signal: Signal, now: Millis, policy: LadderPolicy): Step {
  if (!needsBypass(signal, policy)) return { signal, notify: [] };
  const bypassed: Signal = { ...signal, bypassedAt: now };
  return { signal: bypassed, notify: bypassNotifications(bypassed, "bypass", now) };
}

/** A band worse than the signal's worst so far is recorded, and a crisis goes straight to the root's S5. */
function worsen(signal: Signal, band: Band, note: Omit<TransitionNote, "kind" | "reason">, policy: LadderPolicy): Step {
  const worse = recordTransition(
    signal,
    { band, remedySince: null },
    { ...note, kind: "band-changed", reason: `band ${signal.band} → ${band}` },
  );
  return bypassIfDue(worse, note.at, policy);
}

/**
 * One period of the signal's indicator. A worse band is recorded; a level back at the reference
 * captured when the signal was raised, in the normal band for k periods of time, remedies it and
 * stops the clock. A period that only moves the remedy clock is bookkeeping, not a transition, so
 * it adds no timeline entry. A signal without a reference (an external alert's) is never remedied
 * by observation: it closes when its alert resolves.
 */
export function observeSignal(signal: Signal, event: Observe, now: Millis, policy: LadderPolicy): Step {
  const note = { at: now, actor: event.actor, probabilities: event.probabilities };
  if (isWorse(signal, event.band)) return worsen(signal, event.band, note, policy);
  if (signal.reference === null) return { signal, notify: [] };
  const owner = policyAt(policy, signal.level);
  const { since, remedied } = trackRemedy(signal.remedySince, signal.reference, event, now, owner);
  if (!remedied) return { signal: since === signal.remedySince ? signal : { ...signal, remedySince: since }, notify: [] };
  const held = describeDuration(now - since!);
  return closeSignal(signal, "remedied", "remedied", {
    ...note,
    kind: "remedied",
    reason: `remedied: back at the level before the change (${signal.reference.level}) and in the normal band for ${held}`,
  });
}
