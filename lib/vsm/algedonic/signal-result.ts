import type { Notification, Signal, SignalDeadline, SignalEventType, SignalState } from "@/lib/vsm/algedonic/schemas";

/**
 * Expected misuse (an operator acknowledging twice, a resolve without a reason) is an answer, not
 * an exception: the caller maps the code to a 409/422 and the signal stays as it was.
 */
export const SIGNAL_ERROR_CODES = [
  "illegal-transition",
  "reason-required",
  "eta-not-in-future",
  "extension-used",
  "nothing-to-extend",
  "out-of-order",
] as const;
export type SignalErrorCode = (typeof SIGNAL_ERROR_CODES)[number];

export interface SignalError {
  code: SignalErrorCode;
  message: string;
  state: SignalState;
  event: SignalEventType;
}

export interface SignalOutcome {
  ok: true;
  /** False for a no-op (an obsolete or early deadline), so a store can skip the write. */
  changed: boolean;
  signal: Signal;
  /**
   * Every deadline the signal now needs — not only new ones: a store replaces the signal's rows
   * with this list, so superseded timers disappear in the same transaction as the change.
   */
  schedule: SignalDeadline[];
  notify: Notification[];
}

export interface SignalRejection {
  ok: false;
  error: SignalError;
}

export type SignalResult = SignalOutcome | SignalRejection;

/** What one event handler decides, before the deadlines are derived from the new signal. */
export type Step = { signal: Signal; notify: Notification[] } | { error: { code: SignalErrorCode; message: string } };

export function reject(code: SignalErrorCode, message: string): Step {
  return { error: { code, message } };
}
