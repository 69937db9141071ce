import type { Deadline, Signal, SignalDeadline } from "@/lib/vsm/algedonic/schemas";
import type { Millis } from "@/lib/vsm/types";

/** The deadlines a signal needs now, derived from its state so they can never disagree with it. */
export function signalDeadlines(signal: Signal): SignalDeadline[] {
  const { escalateAt, repeatAt } = signal.deadlines;
  const level = signal.holderLevel;
  const found: SignalDeadline[] = [];
  if (escalateAt !== null) found.push({ kind: "escalate", signalId: signal.id, at: escalateAt, level });
  if (repeatAt !== null) found.push({ kind: "repeat", signalId: signal.id, at: repeatAt, level });
  return found;
}

// At the same instant an escalation goes first: it renotifies, which makes a simultaneous repeat
// obsolete, and flushes go last so they carry what the others queued.
const ORDER: Record<Deadline["kind"], number> = { escalate: 0, repeat: 1, flush: 2 };

/** The deadlines due at `now` (at ≤ now), in the order to fire them. */
export function dueDeadlines<D extends Deadline>(deadlines: readonly D[], now: Millis): D[] {
  return deadlines.filter((d) => d.at <= now).sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}
