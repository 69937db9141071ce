import { describeDuration } from "@/lib/vsm/algedonic/describe-duration";
import { recordTransition } from "@/lib/vsm/algedonic/record-transition";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import { reject, type Step } from "@/lib/vsm/algedonic/signal-result";
import { policyAt, type LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

type Acknowledge = Extract<SignalEvent, { type: "acknowledge" }>;
type Extend = Extract<SignalEvent, { type: "extend" }>;

/**
 * The escalation time an ETA asks for, capped at maxExtension past the current one; null when the
 * ETA falls within the allowance anyway (or, after the root's allowance ran out, there is none).
 */
function extendedTo(signal: Signal, eta: Millis, policy: LadderPolicy): Millis | null {
  const current = signal.deadlines.escalateAt;
  if (current === null || eta <= current) return null;
  return Math.min(eta, current + policyAt(policy, signal.holderLevel).escalation.maxExtension);
}

/**
 * Records who owns the signal at this level. The clock keeps running (docs/design.md §3.3): only a
 * remedy or a resolve stops it, so an acknowledgement can defer escalation once, never prevent it.
 */
export function acknowledgeSignal(signal: Signal, event: Acknowledge, now: Millis, policy: LadderPolicy): Step {
  const eta = event.eta ?? null;
  if (eta !== null && eta <= now) return reject("eta-not-in-future", "an ETA must lie in the future");
  const from = signal.deadlines.escalateAt;
  const to = eta === null ? null : extendedTo(signal, eta, policy);
  const extension = from !== null && to !== null ? { from, to } : null;
  const acknowledged = recordTransition(
    signal,
    {
      state: "acknowledged",
      ack: { by: event.actor, at: now, eta, extension },
      deadlines: { ...signal.deadlines, escalateAt: to ?? from },
    },
    {
      at: now,
      actor: event.actor,
      kind: "acknowledged",
      reason: [
        event.note ?? `acknowledged at level ${signal.holderLevel}`,
        extension && `allowance extended by ${describeDuration(extension.to - extension.from)}`,
      ]
        .filter(Boolean)
        .join("; "),
    },
  );
  return { signal: acknowledged, notify: [] };
}

/** The holder's one extension of this level's allowance, when the acknowledgement did not use it. */
export function extendSignal(signal: Signal, event: Extend, now: Millis, policy: LadderPolicy): Step {
  const ack = signal.ack;
  if (ack?.extension) return reject("extension-used", "this level's allowance has already been extended once");
  if (event.eta <= now) return reject("eta-not-in-future", "an ETA must lie in the future");
  const from = signal.deadlines.escalateAt;
  const to = extendedTo(signal, event.eta, policy);
  if (ack === null || from === null || to === null)
    return reject("nothing-to-extend", "the ETA falls within the current allowance, or no allowance is running");
  const extended = recordTransition(
    signal,
    { ack: { ...ack, eta: event.eta, extension: { from, to } }, deadlines: { ...signal.deadlines, escalateAt: to } },
    {
      at: now,
      actor: event.actor,
      kind: "extended",
      reason: event.reason ?? `allowance extended by ${describeDuration(to - from)}`,
    },
  );
  return { signal: extended, notify: [] };
}
