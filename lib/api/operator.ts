import type { Actor } from "@/lib/auth/actor";
import { auditActor } from "@/lib/auth/audit-actor";
import { AppError } from "@/lib/errors";
import type { Operator } from "@/lib/signals/operator-actions";

/**
 * The operator functions' view of whoever acts through the API: a person by email, as the signal
 * page names them on the timeline; a program as `key:<id>`. The audit trail names both as
 * lib/auth/audit-actor.ts does. Nobody cannot act (the wrapper has refused them already).
 */
export function operatorOf(actor: Actor): Operator {
  if (actor.kind === "anonymous") throw new AppError("unauthorized", "Authentication required");
  return {
    actor: { type: "user", id: actor.kind === "user" ? actor.email : `key:${actor.keyId}` },
    audit: auditActor(actor),
  };
}
