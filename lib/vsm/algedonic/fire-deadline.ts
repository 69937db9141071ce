import { describeDuration } from "@/lib/vsm/algedonic/describe-duration";
import { notifyHolders } from "@/lib/vsm/algedonic/notify-holders";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Actor, Signal, SignalDeadline } from "@/lib/vsm/algedonic/schemas";
import type { Step } from "@/lib/vsm/algedonic/signal-result";
import { isRunning } from "@/lib/vsm/algedonic/signal-states";
import { pathAtLevel } from "@/lib/vsm/model/path";
import { allowanceAt, type Policy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

const CLOCK: Actor = { type: "system", component: "clock" };

/**
 * A deadline acts only if it is still the signal's current one, for the current holder, and due.
 * Anything else — fired early, fired twice, superseded by an extension or an escalation, or
 * outlived by a remedy — is a harmless no-op, so restarts and competing instances are safe.
 */
function isCurrent(signal: Signal, deadline: SignalDeadline, now: Millis): boolean {
  const scheduled = deadline.kind === "escalate" ? signal.deadlines.escalateAt : signal.deadlines.repeatAt;
  return (
    deadline.signalId === signal.id &&
    isRunning(signal.state) &&
    deadline.level === signal.holderLevel &&
    scheduled === deadline.at &&
    deadline.at <= now
  );
}

/**
 * Up one rung with a fresh allowance. The new allowance counts from the deadline, not from when a
 * (possibly late) worker fired it, so the ladder keeps the schedule policy promises.
 */
function escalate(signal: Signal, deadline: SignalDeadline, now: Millis, policy: Policy): Step {
  const { repeatInterval } = policy.escalation;
  const from = signal.holderLevel;
  const allowance = describeDuration(allowanceAt(policy, from));
  if (from === 0) {
    // The root has nowhere to pass it: S5 keeps it and is reminded until it is remedied or resolved.
    const overdue = recordTransition(
      signal,
      { deadlines: { escalateAt: null, repeatAt: now + repeatInterval } },
      {
        at: now,
        actor: CLOCK,
        kind: "overdue",
        reason: `not remedied within the root's allowance of ${allowance}; S5 is reminded every ${describeDuration(repeatInterval)}`,
      },
    );
    return { signal: overdue, notify: notifyHolders(overdue, "overdue", now) };
  }
  const to = from - 1;
  const escalated = recordTransition(
    signal,
    {
      state: "escalated",
      holderLevel: to,
      ack: null,
      deadlines: { escalateAt: deadline.at + allowanceAt(policy, to), repeatAt: now + repeatInterval },
    },
    {
      at: now,
      actor: CLOCK,
      kind: "escalated",
      reason: `not remedied within level ${from}'s allowance of ${allowance}; escalated to ${pathAtLevel(signal.unitPath, to)} (level ${to})`,
    },
  );
  return { signal: escalated, notify: notifyHolders(escalated, "escalated", now) };
}

/** A reminder, not a transition: the timeline records changes, the notifications log records sends. */
function repeat(signal: Signal, now: Millis, policy: Policy): Step {
  const reminded: Signal = { ...signal, deadlines: { ...signal.deadlines, repeatAt: now + policy.escalation.repeatInterval } };
  return { signal: reminded, notify: notifyHolders(reminded, "repeat", now) };
}

export function fireDeadline(signal: Signal, deadline: SignalDeadline, now: Millis, policy: Policy): Step {
  if (!isCurrent(signal, deadline, now)) return { signal, notify: [] };
  return deadline.kind === "escalate" ? escalate(signal, deadline, now, policy) : repeat(signal, now, policy);
}
