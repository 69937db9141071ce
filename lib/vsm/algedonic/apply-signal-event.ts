import { acknowledgeSignal, extendSignal } from "@/lib/vsm/algedonic/acknowledge-signal";
import { confirmSignal, retractSignal } from "@/lib/vsm/algedonic/confirm-signal";
import { signalDeadlines } from "@/lib/vsm/algedonic/deadlines";
import { fireDeadline } from "@/lib/vsm/algedonic/fire-deadline";
import { observeSignal } from "@/lib/vsm/algedonic/observe-signal";
import { noteSignal, resolveSignal } from "@/lib/vsm/algedonic/resolve-signal";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { SignalResult, Step } from "@/lib/vsm/algedonic/signal-result";
import { isLegal } from "@/lib/vsm/algedonic/signal-states";
import type { Policy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

function handle(signal: Signal, event: SignalEvent, now: Millis, policy: Policy): Step {
  switch (event.type) {
    case "confirm":
      return confirmSignal(signal, event, now, policy);
    case "retract":
      return retractSignal(signal, event, now);
    case "acknowledge":
      return acknowledgeSignal(signal, event, now, policy);
    case "extend":
      return extendSignal(signal, event, now, policy);
    case "observe":
      return observeSignal(signal, event, now, policy);
    case "resolve":
      return resolveSignal(signal, event, now);
    case "note":
      return noteSignal(signal, event, now);
    case "deadline":
      return fireDeadline(signal, event.deadline, now, policy);
  }
}

/**
 * The signal state machine: one event at one time under one policy gives the new signal, every
 * deadline it now needs and the notifications to send. Pure, so the pipeline, a deadline worker
 * and tests all get the same answer; misuse returns a typed error and leaves the signal as it was.
 */
export function applySignalEvent(signal: Signal, event: SignalEvent, now: Millis, policy: Policy): SignalResult {
  if (!isLegal(signal.state, event.type)) {
    return {
      ok: false,
      error: {
        code: "illegal-transition",
        message: `cannot ${event.type} a signal that is ${signal.state}`,
        state: signal.state,
        event: event.type,
      },
    };
  }
  const step = handle(signal, event, now, policy);
  if ("error" in step) return { ok: false, error: { ...step.error, state: signal.state, event: event.type } };
  return { ok: true, changed: step.signal !== signal, signal: step.signal, schedule: signalDeadlines(step.signal), notify: step.notify };
}
