import { NO_DEADLINES } from "@/lib/vsm/algedonic/close-signal";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Actor, Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { Step } from "@/lib/vsm/algedonic/signal-result";
import { startLadder } from "@/lib/vsm/algedonic/start-ladder";
import type { LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

type Verdict = Extract<SignalEvent, { type: "confirm" | "retract" }>;

/** The filter's one-step-back probabilities upheld the change: the signal opens and climbs. */
export function confirmSignal(signal: Signal, event: Verdict, now: Millis, policy: LadderPolicy): Step {
  const opened = recordTransition(
    signal,
    { state: "open" },
    {
      at: now,
      actor: event.actor,
      kind: "confirmed",
      reason: event.reason ?? "confirmed one period later by the one-step-back probabilities",
      probabilities: event.probabilities,
    },
  );
  return startLadder(opened, now, policy);
}

/** The change did not hold up; the retraction stays visible in the timeline (docs/design.md §3.2). */
export function retractSignal(signal: Signal, event: Verdict, now: Millis): Step {
  return withdraw(signal, now, {
    actor: event.actor,
    closeReason: "retracted",
    reason: event.reason ?? "retracted one period later: the one-step-back probabilities did not support the change",
    probabilities: event.probabilities,
  });
}

/** A provisional signal closed without being announced: retracted by the filter, or never confirmed in time. */
export function withdraw(
  signal: Signal,
  now: Millis,
  how: { actor: Actor; closeReason: "retracted" | "unconfirmed"; reason: string; probabilities?: Verdict["probabilities"] },
): Step {
  const retracted = recordTransition(
    signal,
    { state: "retracted", closedAt: now, closeReason: how.closeReason, deadlines: NO_DEADLINES },
    { at: now, actor: how.actor, kind: "retracted", reason: how.reason, probabilities: how.probabilities },
  );
  // Nobody was notified of a provisional signal, so nobody needs telling it is gone.
  return { signal: retracted, notify: [] };
}
