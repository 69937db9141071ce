import { notifyHolders } from "@/lib/vsm/algedonic/notify-holders";
import { recordTransition, type TransitionNote } from "@/lib/vsm/algedonic/record-transition";
import type { CloseReason, Signal } from "@/lib/vsm/algedonic/schemas";
import type { Step } from "@/lib/vsm/algedonic/signal-result";

/** A closed signal waits for nothing. */
export const NO_DEADLINES: Signal["deadlines"] = { escalateAt: null, repeatAt: null, expireAt: null, adaptAt: null };

/**
 * Closes a running (or provisional) signal: the clock stops, every deadline goes, and the holders
 * hear that it closed — except of a provisional signal, which was never announced.
 */
export function closeSignal(signal: Signal, state: "remedied" | "resolved", closeReason: CloseReason, note: TransitionNote): Step {
  const closed = recordTransition(signal, { state, closedAt: note.at, closeReason, deadlines: NO_DEADLINES }, note);
  return { signal: closed, notify: signal.state === "provisional" ? [] : notifyHolders(closed, "closed", note.at) };
}
