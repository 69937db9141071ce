import type { Millis } from "@/lib/vsm/types";

/**
 * The memory of a temporal query, one slot per `count` and `then` in the order the compiler
 * meets them. Plain data: persist it as JSON and resume matching exactly where it stopped.
 */
export type SlotState =
  /** Times at which the operand held, oldest first, within the window; at most n + 1 are kept. */
  | { readonly kind: "count"; times: Millis[] }
  /** The latest time at which the first operand held, strictly before the current event. */
  | { readonly kind: "then"; last: Millis | null };

export interface MatcherState {
  /** Time of the latest event, to refuse events that go back in time. */
  lastTime: Millis | null;
  slots: SlotState[];
}

export type SlotKind = SlotState["kind"];

export function emptyState(kinds: readonly SlotKind[]): MatcherState {
  return { lastTime: null, slots: kinds.map((kind) => (kind === "count" ? { kind, times: [] } : { kind, last: null })) };
}

/** Whether restored state fits a query with these slots (same count, same kinds, same order). */
export function fitsSlots(state: MatcherState, kinds: readonly SlotKind[]): boolean {
  return state.slots.length === kinds.length && state.slots.every((slot, i) => slot.kind === kinds[i]);
}
