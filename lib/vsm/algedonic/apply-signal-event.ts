import { acknowledgeSignal, extendSignal } from "@/lib/vsm/algedonic/acknowledge-signal";
import { confirmSignal, retractSignal } from "@/lib/vsm/algedonic/confirm-signal";
import { signalDeadlines } from "@/lib/vsm/algedonic/deadlines";
import { fireDeadline } from "@/lib/vsm/algedonic/fire-deadline";
import { observeSignal } from "@/lib/vsm/algedonic/observe-signal";
import { recurSignal } from "@/lib/vsm/algedonic/recur-signal";
import { noteSignal, resolveSignal } from "@/lib/vsm/algedonic/resolve-signal";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { SignalErrorCode, SignalResult, Step } from "@/lib/vsm/algedonic/signal-result";
import { isLegal } from "@/lib/vsm/algedonic/signal-states";
import type { LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

function handle(signal: Signal, event: SignalEvent, now: Millis, policy: LadderPolicy): Step {
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
    case "recur":
      return recurSignal(signal, event, now, policy);
    case "resolve":
      return resolveSignal(signal, event, now);
    case "note":
      return noteSignal(signal, event, now);
    case "deadline":
      return fireDeadline(signal, event.deadline, now, policy);
  }
}

/**
 * The signal state machine: one event at one time gives the new signal, every deadline it now
 * needs and the notifications to send. `policy` is one policy, or each level's (an escalation
 * uses the policy of the level that receives it). Pure, so the pipeline, a deadline worker and
 * tests all get the same answer; misuse returns a typed error and leaves the signal as it was.
 * Every change raises the signal's version by one, for the store's compare-and-swap.
 */
export function applySignalEvent(signal: Signal, event: SignalEvent, now: Millis, policy: LadderPolicy): SignalResult {
  const refuse = (code: SignalErrorCode, message: string): SignalResult => ({
    ok: false,
    error: { code, message, state: signal.state, event: event.type },
  });
  if (!isLegal(signal.state, event.type)) return refuse("illegal-transition", `cannot ${event.type} a signal that is ${signal.state}`);
  const last = signal.timeline.at(-1)!.at;
  if (now < last) return refuse("out-of-order", `an event at ${now} is earlier than the signal's last timeline entry at ${last}`);
  const step = handle(signal, event, now, policy);
  if ("error" in step) return refuse(step.error.code, step.error.message);
  const changed = step.signal !== signal;
  const next = changed ? { ...step.signal, version: signal.version + 1 } : signal;
  return { ok: true, changed, signal: next, schedule: signalDeadlines(next), notify: step.notify };
}
