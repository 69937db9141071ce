import type { SignalEventType, SignalState } from "@/lib/vsm/algedonic/schemas";

/**
 * The lifecycle of docs/design.md §3.3 as a table: which events each state accepts. Anything else is an
 * illegal transition, answered with a typed error and the signal unchanged. Silencing is not here
 * on purpose: it is a visibility overlay computed from silences, never a state.
 *
 *   provisional ─confirm─► open ─acknowledge─► acknowledged ─extend (once per level)─► acknowledged
 *        │                  │                        │
 *        └─retract─► retracted                       │
 *   open | acknowledged | escalated ─escalate deadline, level > 0─► escalated (holder level − 1)
 *   escalated ─acknowledge─► acknowledged      escalate deadline at level 0 ─► same state (overdue)
 *   open | acknowledged | escalated ─observe (k steady, normal periods)─► remedied
 *   provisional | open | acknowledged | escalated ─resolve (reason)─► resolved
 *   any state ─note─► same state
 */
const LEGAL: Record<SignalState, readonly SignalEventType[]> = {
  provisional: ["confirm", "retract", "resolve", "note", "deadline"],
  open: ["acknowledge", "observe", "resolve", "note", "deadline"],
  acknowledged: ["extend", "observe", "resolve", "note", "deadline"],
  escalated: ["acknowledge", "observe", "resolve", "note", "deadline"],
  // Deadlines are legal everywhere because an obsolete one must be a harmless no-op, not an error:
  // a restart or a second instance may fire it after the signal has moved on.
  remedied: ["note", "deadline"],
  resolved: ["note", "deadline"],
  retracted: ["note", "deadline"],
};

export function isLegal(state: SignalState, event: SignalEventType): boolean {
  return LEGAL[state].includes(event);
}

/** States in which the escalation clock runs. */
export function isRunning(state: SignalState): boolean {
  return state === "open" || state === "acknowledged" || state === "escalated";
}

/** States that end the signal; only notes are accepted after them. */
export function isClosed(state: SignalState): boolean {
  return state === "remedied" || state === "resolved" || state === "retracted";
}
