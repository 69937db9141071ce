import { notifyHolders } from "@/lib/vsm/algedonic/notify-holders";
import type { Notification, Signal } from "@/lib/vsm/algedonic/schemas";
import { allowanceAt, policyAt, type LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

/** Whether a crisis should now go straight to the root's S5 as well as up the ladder (the owner's policy decides). */
export function needsBypass(signal: Signal, policy: LadderPolicy): boolean {
  return (
    policyAt(policy, signal.level).escalation.crisisBypass &&
    signal.band === "crisis" &&
    signal.bypassedAt === null &&
    signal.holderLevel > 0
  );
}

/**
 * Starts the owner's allowance for a signal that has just become open. The clock runs from when
 * the change was raised, not from its confirmation: confirmation is the filter's hindsight about
 * that same point, and a late confirmation must not buy the owner extra time.
 */
export function startLadder(signal: Signal, now: Millis, policy: LadderPolicy): { signal: Signal; notify: Notification[] } {
  const holder = policyAt(policy, signal.holderLevel);
  const { adaptAfter } = policyAt(policy, signal.level).escalation;
  const started: Signal = {
    ...signal,
    deadlines: {
      escalateAt: signal.raisedAt + allowanceAt(holder, signal.holderLevel),
      repeatAt: now + holder.escalation.repeatInterval,
      expireAt: null,
      adaptAt: adaptAfter === null ? null : signal.raisedAt + adaptAfter,
    },
    bypassedAt: needsBypass(signal, policy) ? now : signal.bypassedAt,
  };
  return { signal: started, notify: notifyHolders(started, "raised", now) };
}
