import "server-only";
import { ladderPolicyFor } from "@/lib/signals/ladder-policy";
import { readSignal, saveTransition } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { SignalError } from "@/lib/vsm/algedonic/signal-result";

export type Applied =
  | { outcome: "applied"; before: Signal; signal: Signal }
  | { outcome: "no-op"; signal: Signal }
  | { outcome: "refused"; signal: Signal; error: SignalError }
  | { outcome: "missing" };

/** Lost races before giving up: each loser re-reads a signal another writer has just changed. */
const ATTEMPTS = 5;

/**
 * Applies one event to a stored signal under its levels' policies (docs/design.md §5, "Signals"):
 * read, compute with lib/vsm, and store only over the version it was computed from. A writer that
 * lost the race re-reads and applies the event again to what won — where it may now be a no-op
 * (a deadline another instance fired) or refused (an acknowledgement of a signal just resolved).
 */
export async function applyToSignal(tx: SqlRunner, id: string, event: SignalEvent, now: number): Promise<Applied> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const signal = await readSignal(tx, id);
    if (signal === null) return { outcome: "missing" };
    const result = applySignalEvent(signal, event, now, await ladderPolicyFor(tx, signal.unitPath));
    if (!result.ok) return { outcome: "refused", signal, error: result.error };
    if (!result.changed) return { outcome: "no-op", signal };
    if (await saveTransition(tx, signal, result.signal, result.schedule))
      return { outcome: "applied", before: signal, signal: result.signal };
  }
  throw new Error(`signal ${id} changed under this writer ${ATTEMPTS} times in a row`);
}
