import type { SignalEventType, SignalState } from "@/lib/vsm/algedonic/schemas";

/**
 * The lifecycle of docs/design.md §3.3 as a table: which events each state accepts. Anything else is an
 * illegal transition, answered with a typed error and the signal unchanged. Silencing is not here
 * on purpose: it is a visibility overlay computed from silences, never a state.
 *
 *   provisional ─confirm, or expire in crisis─► open ─acknowledge─► acknowledged ─extend (once per level)─► acknowledged
 *        │                  │                        │
 *        └─retract, or expire─► retracted            │
 *   open | acknowledged | escalated ─escalate deadline, level > 0─► escalated (holder level − 1)
 *   escalated ─acknowledge─► acknowledged      escalate deadline at level 0 ─► same state (overdue)
 *   open | acknowledged | escalated ─observe (back at the reference, normal band, k periods of time)─► remedied
 *   open | acknowledged | escalated ─adapt deadline (policy, off by default)─► resolved (adapted)
 *   provisional | open | acknowledged | escalated ─recur (a further change)─► same state, counted
 *   provisional | open | acknowledged | escalated ─resolve (reason)─► resolved
 *   any state ─note─► same state
 */
const LEGAL: Record<SignalState, readonly SignalEventType[]> = {
  provisional: ["confirm", "retract", "recur", "resolve", "note", "deadline"],
  open: ["acknowledge", "observe", "recur", "resolve", "note", "deadline"],
  acknowledged: ["extend", "observe", "recur", "resolve", "note", "deadline"],
  escalated: ["acknowledge", "observe", "recur", "resolve", "note", "deadline"],
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
