import { signalDeadlines } from "@/lib/vsm/algedonic/deadlines";
import type { RaiseInput, Signal } from "@/lib/vsm/algedonic/schemas";
import type { SignalOutcome } from "@/lib/vsm/algedonic/signal-result";
import { startLadder } from "@/lib/vsm/algedonic/start-ladder";
import { depthOf } from "@/lib/vsm/model/path";
import type { Policy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

/**
 * A new signal, owned by the unit whose indicator fired, at that unit's recursion level. A
 * provisional signal waits for the filter's confirmation before anyone is notified; an open one
 * notifies its owner (and the root's S5 at once if it is a crisis) and starts the clock.
 */
export function raiseSignal(input: RaiseInput, now: Millis, policy: Policy): SignalOutcome {
  const level = depthOf(input.unitPath);
  const state = input.provisional ? "provisional" : "open";
  const raised: Signal = {
    id: input.id,
    unitPath: input.unitPath,
    level,
    indicator: input.indicator,
    kind: input.kind,
    valence: input.valence,
    band: input.band,
    state,
    holderLevel: level,
    raisedAt: now,
    deadlines: { escalateAt: null, repeatAt: null },
    ack: null,
    bypassedAt: null,
    remedyStreak: 0,
    closedAt: null,
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
