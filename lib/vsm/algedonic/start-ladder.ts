import { notifyHolders } from "@/lib/vsm/algedonic/notify-holders";
import type { Notification, Signal } from "@/lib/vsm/algedonic/schemas";
import { allowanceAt, type Policy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

/** Whether a crisis should now go straight to the root's S5 as well as up the ladder. */
export function needsBypass(signal: Signal, policy: Policy): boolean {
  return policy.escalation.crisisBypass && signal.band === "crisis" && signal.bypassedAt === null && signal.holderLevel > 0;
}

/**
 * Starts the owner's allowance for a signal that has just become open. The clock runs from when
 * the change was raised, not from its confirmation: confirmation is the filter's hindsight about
 * that same point, and a late confirmation must not buy the owner extra time.
 */
export function startLadder(signal: Signal, now: Millis, policy: Policy): { signal: Signal; notify: Notification[] } {
  const started: Signal = {
    ...signal,
    deadlines: {
      escalateAt: signal.raisedAt + allowanceAt(policy, signal.holderLevel),
      repeatAt: now + policy.escalation.repeatInterval,
    },
    bypassedAt: needsBypass(signal, policy) ? now : signal.bypassedAt,
  };
  return { signal: started, notify: notifyHolders(started, "raised", now) };
}
