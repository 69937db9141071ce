import type { Silence } from "@/lib/vsm/algedonic/schemas";
import { matchesSignal, type Matchable } from "@/lib/vsm/algedonic/signal-matcher";
import type { Millis } from "@/lib/vsm/types";

/** A silence holds from its start up to, not including, its end. */
export function isSilenceActive(silence: Silence, now: Millis): boolean {
  return silence.startsAt <= now && now < silence.endsAt;
}

/**
 * The active silences that hide a signal. Silencing only hides: the signal keeps its state,
 * deadlines and escalation, so lifting or expiring the silence shows where it really stands.
 */
export function silencesOf(signal: Matchable, silences: readonly Silence[], now: Millis): string[] {
  return silences.filter((s) => isSilenceActive(s, now) && matchesSignal(s.matcher, signal)).map((s) => s.id);
}
