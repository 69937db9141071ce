import { closeSignal } from "@/lib/vsm/algedonic/close-signal";
import { confirmSignal, withdraw } from "@/lib/vsm/algedonic/confirm-signal";
import { describeDuration } from "@/lib/vsm/algedonic/describe-duration";
import { notifyHolders } from "@/lib/vsm/algedonic/notify-holders";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Actor, Signal, SignalDeadline } from "@/lib/vsm/algedonic/schemas";
import type { Step } from "@/lib/vsm/algedonic/signal-result";
import { isRunning } from "@/lib/vsm/algedonic/signal-states";
import { pathAtLevel } from "@/lib/vsm/model/path";
import { allowanceAt, policyAt, type LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

const CLOCK: Actor = { type: "system", component: "clock" };

const SCHEDULED: Record<SignalDeadline["kind"], (signal: Signal) => Millis | null> = {
  escalate: (s) => s.deadlines.escalateAt,
  repeat: (s) => s.deadlines.repeatAt,
  expire: (s) => s.deadlines.expireAt,
  adapt: (s) => s.deadlines.adaptAt,
};

/**
 * A deadline acts only if it is still the signal's current one, for the current holder, and due.
 * Anything else — fired early, fired twice, superseded by an extension or an escalation, or
 * outlived by a remedy — is a harmless no-op, so restarts and competing instances are safe.
 */
function isCurrent(signal: Signal, deadline: SignalDeadline, now: Millis): boolean {
  const live = deadline.kind === "expire" ? signal.state === "provisional" : isRunning(signal.state);
  return (
    deadline.signalId === signal.id &&
    live &&
    deadline.level === signal.holderLevel &&
    SCHEDULED[deadline.kind](signal) === deadline.at &&
    deadline.at <= now
  );
}

/**
 * Up one rung with a fresh allowance, under the policy of the level that receives the signal. The
 * new allowance counts from the deadline, not from when a (possibly late) worker fired it, so the
 * ladder keeps the schedule policy promises.
 */
function escalate(signal: Signal, deadline: SignalDeadline, now: Millis, policy: LadderPolicy): Step {
  const from = signal.holderLevel;
  const allowance = describeDuration(allowanceAt(policyAt(policy, from), from));
  if (from === 0) {
    // The root has nowhere to pass it: S5 keeps it and is reminded until it is remedied or resolved.
    const { repeatInterval } = policyAt(policy, 0).escalation;
    const overdue = recordTransition(
      signal,
      { deadlines: { ...signal.deadlines, escalateAt: null, repeatAt: now + repeatInterval } },
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
  const receiving = policyAt(policy, to);
  const escalated = recordTransition(
    signal,
    {
      state: "escalated",
      holderLevel: to,
      ack: null,
      deadlines: {
        ...signal.deadlines,
        escalateAt: deadline.at + allowanceAt(receiving, to),
        repeatAt: now + receiving.escalation.repeatInterval,
      },
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
function repeat(signal: Signal, now: Millis, policy: LadderPolicy): Step {
  const { repeatInterval } = policyAt(policy, signal.holderLevel).escalation;
  const reminded: Signal = { ...signal, deadlines: { ...signal.deadlines, repeatAt: now + repeatInterval } };
  return { signal: reminded, notify: notifyHolders(reminded, "repeat", now) };
}

/**
 * Nothing stays provisional for ever: with no confirmation in time the change is retracted as
 * unconfirmed — unless it is already in the crisis band, which is too serious to drop for want of
 * a next point: it is confirmed, and the crisis bypass takes it to the root.
 */
function expire(signal: Signal, now: Millis, policy: LadderPolicy): Step {
  const waited = describeDuration(now - signal.raisedAt);
  if (signal.band === "crisis") {
    return confirmSignal(
      signal,
      { type: "confirm", actor: CLOCK, reason: `no next point within ${waited}; confirmed because it is a crisis` },
      now,
      policy,
    );
  }
  return withdraw(signal, now, { actor: CLOCK, closeReason: "unconfirmed", reason: `unconfirmed: no next point within ${waited}` });
}

/** The policy's long adaptation period ran out: the changed level is taken as the new normal. */
function adapt(signal: Signal, now: Millis): Step {
  const reason = `still running ${describeDuration(now - signal.raisedAt)} after it was raised: closed as the new normal by the adaptation period`;
  return closeSignal(signal, "resolved", "adapted", { at: now, actor: CLOCK, kind: "adapted", reason });
}

export function fireDeadline(signal: Signal, deadline: SignalDeadline, now: Millis, policy: LadderPolicy): Step {
  if (!isCurrent(signal, deadline, now)) return { signal, notify: [] };
  switch (deadline.kind) {
    case "escalate":
      return escalate(signal, deadline, now, policy);
    case "repeat":
      return repeat(signal, now, policy);
    case "expire":
      return expire(signal, now, policy);
    case "adapt":
      return adapt(signal, now);
  }
}
