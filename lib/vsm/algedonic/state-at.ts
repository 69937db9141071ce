import type { Signal, SignalState } from "@/lib/vsm/algedonic/schemas";
import type { Millis } from "@/lib/vsm/types";

/**
 * The state a signal was in at `at`, read from its timeline (each entry records the state it led
 * to): what an overlay judged at a past instant needs, since the stored state is only today's.
 * Null before the signal was raised.
 */
export function stateAt(signal: Signal, at: Millis): SignalState | null {
  let state: SignalState | null = null;
  for (const entry of signal.timeline) {
    if (entry.at > at) break;
    state = entry.to;
  }
  return state;
}

/** The signal as it stood at `at` (its state then, the rest as stored), or null before it was raised. */
export function signalAsOf(signal: Signal, at: Millis): Signal | null {
  const state = stateAt(signal, at);
  return state === null ? null : { ...signal, state };
}
