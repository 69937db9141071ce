import type { Deadline, Signal, SignalDeadline } from "@/lib/vsm/algedonic/schemas";
import type { Millis } from "@/lib/vsm/types";

/** The deadlines a signal needs now, derived from its state so they can never disagree with it. */
export function signalDeadlines(signal: Signal): SignalDeadline[] {
  const { escalateAt, repeatAt, expireAt, adaptAt } = signal.deadlines;
  const level = signal.holderLevel;
  const found: SignalDeadline[] = [];
  if (expireAt !== null) found.push({ kind: "expire", signalId: signal.id, at: expireAt, level });
  if (escalateAt !== null) found.push({ kind: "escalate", signalId: signal.id, at: escalateAt, level });
  if (repeatAt !== null) found.push({ kind: "repeat", signalId: signal.id, at: repeatAt, level });
  if (adaptAt !== null) found.push({ kind: "adapt", signalId: signal.id, at: adaptAt, level });
  return found;
}

// At the same instant an expiry goes first (it decides whether the signal runs at all), then an
// escalation: it renotifies, which makes a simultaneous repeat obsolete; an adaptation closes
// what is left; flushes go last so they carry what the others queued.
const ORDER: Record<Deadline["kind"], number> = { expire: 0, escalate: 1, repeat: 2, adapt: 3, flush: 4 };

/** The deadlines due at `now` (at ≤ now), in the order to fire them. */
export function dueDeadlines<D extends Deadline>(deadlines: readonly D[], now: Millis): D[] {
  return deadlines.filter((d) => d.at <= now).sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}
