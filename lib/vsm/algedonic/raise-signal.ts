import { signalDeadlines } from "@/lib/vsm/algedonic/deadlines";
import { raiseInputSchema, type RaiseInput, type Signal } from "@/lib/vsm/algedonic/schemas";
import type { SignalOutcome } from "@/lib/vsm/algedonic/signal-result";
import { startLadder } from "@/lib/vsm/algedonic/start-ladder";
import { depthOf } from "@/lib/vsm/model/path";
import { policyAt, type LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

/**
 * A new signal, owned by the unit whose indicator fired, at that unit's recursion level. A
 * provisional signal waits for the filter's confirmation before anyone is notified, but not for
 * ever: it expires after the owner's provisionalTimeout. An open one notifies its owner (and the
 * root's S5 at once if it is a crisis) and starts the clock.
 */
export function raiseSignal(raw: RaiseInput, now: Millis, policy: LadderPolicy): SignalOutcome {
  const input = raiseInputSchema.parse(raw);
  const level = depthOf(input.unitPath);
  const state = input.provisional ? "provisional" : "open";
  const raised: Signal = {
    id: input.id,
    unitPath: input.unitPath,
    level,
    indicator: input.indicator,
    family: input.family,
    kind: input.kind,
    valence: input.valence,
    band: input.band,
    state,
    holderLevel: level,
    raisedAt: now,
    reference: input.reference,
    changes: 1,
    lastChangeAt: now,
    deadlines: {
      escalateAt: null,
      repeatAt: null,
      expireAt: input.provisional ? now + policyAt(policy, level).escalation.provisionalTimeout : null,
      adaptAt: null,
    },
    ack: null,
    bypassedAt: null,
    remedySince: null,
    closedAt: null,
    closeReason: null,
    version: 0,
    timeline: [
      {
        seq: 0,
        at: now,
        actor: input.actor,
        kind: "raised",
        from: null,
        to: state,
        level,
        reason: input.reason,
        ...(input.probabilities ? { probabilities: input.probabilities } : {}),
      },
    ],
  };
  const { signal, notify } = state === "open" ? startLadder(raised, now, policy) : { signal: raised, notify: [] };
  return { ok: true, changed: true, signal, schedule: signalDeadlines(signal), notify };
}
