import { bypassIfDue, isWorse } from "@/lib/vsm/algedonic/observe-signal";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { Step } from "@/lib/vsm/algedonic/signal-result";
import type { LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

type Recur = Extract<SignalEvent, { type: "recur" }>;

/**
 * One change, one signal (docs/design.md §3.3): a further confirmed change of the same indicator
 * and valence while the signal runs is counted on it — the count, the latest change, a worse band
 * — with a timeline entry, instead of raising another signal. A ramp that confirms a step again
 * and again is one signal. Any remedy in progress starts again: the indicator moved again.
 */
export function recurSignal(signal: Signal, event: Recur, now: Millis, policy: LadderPolicy): Step {
  const worse = isWorse(signal, event.band);
  const count = signal.changes + 1;
  const counted = recordTransition(
    signal,
    { changes: count, lastChangeAt: now, remedySince: null, band: worse ? event.band : signal.band },
    {
      at: now,
      actor: event.actor,
      kind: "recurred",
      reason: [event.reason ?? `a further ${event.kind} change (${count} in all)`, worse && `band ${signal.band} → ${event.band}`]
        .filter(Boolean)
        .join("; "),
      probabilities: event.probabilities,
    },
  );
  return bypassIfDue(counted, now, policy);
}
