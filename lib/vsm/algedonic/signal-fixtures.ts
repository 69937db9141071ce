import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { raiseSignal } from "@/lib/vsm/algedonic/raise-signal";
import type { Actor, RaiseInput, Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { SignalOutcome } from "@/lib/vsm/algedonic/signal-result";
import { DEFAULT_POLICY, type LadderPolicy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

/**
 * Shared by the algedonic tests: a fixed start time for the injected clock and the actors that
 * drive signals. Kept beside the code it exercises because lib/vsm may import nothing else.
 */
export const T0: Millis = Date.UTC(2025, 0, 6, 9, 0, 0);
export const FILTER: Actor = { type: "system", component: "filter" };
export const ALICE: Actor = { type: "user", id: "alice" };
export const BOB: Actor = { type: "user", id: "bob" };

/** Orders per minute were about 100 (predictive sd 2, a point a minute) before the step down. */
export const REFERENCE = { level: 100, sd: 2, direction: -1, period: 60_000 } as const;

/** A pain signal on a level-3 unit, open at T0 unless the overrides say otherwise. */
export function raise(overrides: Partial<RaiseInput> = {}, now: Millis = T0, policy: LadderPolicy = DEFAULT_POLICY): SignalOutcome {
  return raiseSignal(
    {
      id: "s1",
      unitPath: "acme/ops/payments/checkout",
      indicator: "orders-per-minute",
      family: "orders",
      kind: "step",
      valence: "pain",
      band: "alert",
      actor: FILTER,
      reason: "step change down",
      reference: REFERENCE,
      ...overrides,
    },
    now,
    policy,
  );
}

/** Applies an event that must succeed, failing loudly with the typed error otherwise. */
export function accept(signal: Signal, event: SignalEvent, now: Millis, policy: LadderPolicy = DEFAULT_POLICY): SignalOutcome {
  const result = applySignalEvent(signal, event, now, policy);
  if (!result.ok) throw new Error(`expected ${event.type} to be accepted: ${result.error.code} (${result.error.message})`);
  return result;
}
