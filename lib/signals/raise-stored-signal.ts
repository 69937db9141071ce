import "server-only";
import { randomUUID } from "node:crypto";
import { ladderPolicyFor } from "@/lib/signals/ladder-policy";
import { insertSignal, type SignalOrigin } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { raiseSignal } from "@/lib/vsm/algedonic/raise-signal";
import type { RaiseInput, Signal } from "@/lib/vsm/algedonic/schemas";

/**
 * Raises a signal and stores it, its first timeline entry and its deadlines, in the caller's
 * transaction (the batch that caused it, or an alert's). The id is new; the policy is that of
 * each level above the unit.
 */
export async function raiseStoredSignal(tx: SqlRunner, input: Omit<RaiseInput, "id">, origin: SignalOrigin, now: number): Promise<Signal> {
  const raised = raiseSignal({ ...input, id: `sig_${randomUUID()}` }, now, await ladderPolicyFor(tx, input.unitPath));
  await insertSignal(tx, raised.signal, origin, raised.schedule);
  return raised.signal;
}
