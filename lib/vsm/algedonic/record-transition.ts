import type { Actor, Signal, TimelineEntry } from "@/lib/vsm/algedonic/schemas";
import type { RegimeProbabilities } from "@/lib/vsm/types";
import type { Millis } from "@/lib/vsm/types";

export interface TransitionNote {
  at: Millis;
  actor: Actor;
  kind: TimelineEntry["kind"];
  reason: string;
  probabilities?: RegimeProbabilities | undefined;
}

/**
 * The only way a signal changes state, level, band or acknowledgement: the changes and their
 * timeline entry are made together, so no transition can go unrecorded.
 */
export function recordTransition(signal: Signal, changes: Partial<Omit<Signal, "timeline">>, note: TransitionNote): Signal {
  const next = { ...signal, ...changes };
  const entry: TimelineEntry = {
    seq: signal.timeline.length,
    at: note.at,
    actor: note.actor,
    kind: note.kind,
    from: signal.state,
    to: next.state,
    level: next.holderLevel,
    reason: note.reason,
    ...(note.probabilities ? { probabilities: note.probabilities } : {}),
  };
  return { ...next, timeline: [...signal.timeline, entry] };
}
