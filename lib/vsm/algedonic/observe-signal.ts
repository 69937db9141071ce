import { bypassNotifications, notifyHolders } from "@/lib/vsm/algedonic/notify-holders";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { Step } from "@/lib/vsm/algedonic/signal-result";
import { needsBypass } from "@/lib/vsm/algedonic/start-ladder";
import { trackRemedy } from "@/lib/vsm/algedonic/track-remedy";
import type { Policy } from "@/lib/vsm/policy";
import type { Band, Millis } from "@/lib/vsm/types";

type Observe = Extract<SignalEvent, { type: "observe" }>;

const SEVERITY: Record<Band, number> = { normal: 0, alert: 1, crisis: 2 };

/**
 * One period of the signal's indicator. A worse band is recorded (and a crisis goes straight to
 * the root's S5); enough steady, normal periods remedy the signal and stop the clock. A period
 * that only moves the remedy count is bookkeeping, not a transition, so it adds no timeline entry.
 */
export function observeSignal(signal: Signal, event: Observe, now: Millis, policy: Policy): Step {
  const note = { at: now, actor: event.actor, probabilities: event.probabilities };
  if (SEVERITY[event.band] > SEVERITY[signal.band]) {
    const worse = recordTransition(
      signal,
      { band: event.band, remedyStreak: 0 },
      { ...note, kind: "band-changed", reason: `band ${signal.band} → ${event.band}` },
    );
    if (!needsBypass(worse, policy)) return { signal: worse, notify: [] };
    const bypassed: Signal = { ...worse, bypassedAt: now };
    return { signal: bypassed, notify: bypassNotifications(bypassed, "bypass", now) };
  }
  const { streak, remedied } = trackRemedy(signal.remedyStreak, event, policy);
  if (!remedied) return { signal: streak === signal.remedyStreak ? signal : { ...signal, remedyStreak: streak }, notify: [] };
  const closed = recordTransition(
    signal,
    { state: "remedied", remedyStreak: streak, closedAt: now, deadlines: { escalateAt: null, repeatAt: null } },
    { ...note, kind: "remedied", reason: `remedied: steady and in the normal band for ${streak} consecutive periods` },
  );
  return { signal: closed, notify: notifyHolders(closed, "closed", now) };
}
