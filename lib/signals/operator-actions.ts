import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { applyToSignal } from "@/lib/signals/apply-to-signal";
import { appendAudit } from "@/lib/store/audit-events";
import type { Database } from "@/lib/store/database";
import { expireSilence, insertSilence } from "@/lib/store/silences";
import { signalEventSchema, silenceSchema, type Actor, type Signal, type Silence } from "@/lib/vsm/algedonic/schemas";

/**
 * What operators do to signals (docs/design.md §5, "Signals"), as server-side functions: each
 * validates its input with the algedonic schemas, applies the domain's transition through the
 * compare-and-swap store, and writes its audit entry in the same transaction. Who may call them is
 * decided by the caller: the signal page's server actions (behind lib/http/server-action.ts), the
 * simulator's scripted operator, and the tests.
 */

/** Who acts: the domain's actor, and the name the audit trail gives it (`user:alice`, `key:…`, `cli:root`). */
export interface Operator {
  actor: Actor;
  audit: string;
}

const signalId = z.string().min(1).max(64);
const acknowledgeInput = z.object({ signalId, eta: z.number().int().optional(), note: z.string().optional() }).strict();
const resolveInput = z
  .object({ signalId, reason: z.string(), resolution: z.enum(["fixed", "accepted-new-normal", "false-alarm"]).optional() })
  .strict();
const noteInput = z.object({ signalId, text: z.string() }).strict();
// The operator's part of a silence; the whole silence, with its checks (ends after it starts), is parsed below.
const silenceInput = z
  .object({
    matcher: silenceSchema.shape.matcher,
    startsAt: silenceSchema.shape.startsAt,
    endsAt: silenceSchema.shape.endsAt,
    reason: silenceSchema.shape.reason,
  })
  .strict();

type SignalAction = "acknowledge" | "resolve" | "note";

async function act(
  db: Pick<Database, "sql">,
  operator: Operator,
  action: SignalAction,
  id: string,
  event: unknown,
  now: number,
): Promise<Signal> {
  const parsed = signalEventSchema.parse(event);
  return db.sql.transaction(async (tx) => {
    const applied = await applyToSignal(tx, id, parsed, now);
    if (applied.outcome === "missing") throw new AppError("not_found", `no signal ${id}`);
    if (applied.outcome === "refused") {
      const { code, message } = applied.error;
      throw new AppError(code === "illegal-transition" || code === "out-of-order" ? "conflict" : "validation_failed", message, { code });
    }
    if (applied.outcome === "applied") {
      await appendAudit(tx, [
        { actor: operator.audit, action: `signal.${action}`, target: applied.signal.unitPath, detail: { signal: id, event: parsed } },
      ]);
    }
    return applied.signal;
  });
}

/** Takes ownership at the holder's level, optionally with an ETA that may extend the allowance once. */
export function acknowledgeSignal(db: Pick<Database, "sql">, operator: Operator, input: unknown, now: number): Promise<Signal> {
  const { signalId: id, eta, note } = acknowledgeInput.parse(input);
  return act(
    db,
    operator,
    "acknowledge",
    id,
    { type: "acknowledge", actor: operator.actor, ...(eta === undefined ? {} : { eta }), ...(note === undefined ? {} : { note }) },
    now,
  );
}

/** Closes the signal with a reason: fixed, a false alarm, or the changed level accepted as the new normal. */
export function resolveSignal(db: Pick<Database, "sql">, operator: Operator, input: unknown, now: number): Promise<Signal> {
  const { signalId: id, reason, resolution } = resolveInput.parse(input);
  return act(db, operator, "resolve", id, { type: "resolve", actor: operator.actor, reason, ...(resolution ? { resolution } : {}) }, now);
}

export function noteSignal(db: Pick<Database, "sql">, operator: Operator, input: unknown, now: number): Promise<Signal> {
  const { signalId: id, text } = noteInput.parse(input);
  return act(db, operator, "note", id, { type: "note", actor: operator.actor, text }, now);
}

/** A silence: matcher, start, end, reason. It hides matching signals while active and changes none of them. */
export async function createSilence(db: Pick<Database, "sql">, operator: Operator, input: unknown, now: number): Promise<Silence> {
  const fields = silenceInput.parse(input);
  const silence = silenceSchema.parse({ ...fields, id: `sil_${randomUUID()}`, createdBy: operator.audit, createdAt: now });
  return db.sql.transaction(async (tx) => {
    await insertSilence(tx, silence);
    await appendAudit(tx, [
      { actor: operator.audit, action: "silence.create", target: silence.matcher.unitPath ?? null, detail: { ...silence } },
    ]);
    return silence;
  });
}

/** Ends a silence now (it stays on record, ended). */
export async function endSilence(db: Pick<Database, "sql">, operator: Operator, id: string, now: number): Promise<void> {
  await db.sql.transaction(async (tx) => {
    if (!(await expireSilence(tx, id, now))) throw new AppError("not_found", `no active silence ${id}`);
    await appendAudit(tx, [{ actor: operator.audit, action: "silence.end", target: null, detail: { silence: id, at: now } }]);
  });
}
