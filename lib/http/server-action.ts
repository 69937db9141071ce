import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { auditActor } from "@/lib/auth/audit-actor";
import { sessionActorOfRequest } from "@/lib/auth/current-actor";
import { authorize, requireScope, type Permission } from "@/lib/auth/permissions";
import { getDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";
export type { ActionResult } from "@/lib/http/action-result";
import { log } from "@/lib/log";
import type { Database } from "@/lib/store/database";

import type { ActionResult } from "@/lib/http/action-result";

export interface ActionContext<I> {
  input: I;
  actor: Extract<Actor, { kind: "user" }>;
  /** The actor as the audit trail names it (`user:<email>`). */
  audit: string;
  /** The system path the action touches, as `scope` found it. */
  path: string;
  db: Database;
}

/** Where an action's actor and database come from: the request's session and the app's database, unless a test says otherwise. */
export interface ActionDeps {
  actor: () => Promise<Actor>;
  database: () => Promise<Database>;
}

const SESSION_DEPS: ActionDeps = { actor: sessionActorOfRequest, database: getDatabase };

/**
 * The one wrapper every server action goes through (STYLE rule 7; the route handlers' twin in
 * lib/http.ts). A "use server" export is a public endpoint whatever page shows its form, so per
 * call: the signed-in person, read fresh; the permission; the form parsed by its zod schema, each
 * wrong field named; the permission again on the system the action touches (`scope` finds it, or
 * null for "no such thing"); the handler; every failure turned into a sentence, internals only in
 * the log. Next's own origin check on server actions still applies before any of this.
 */
export function withAction<S extends z.ZodType>(
  options: {
    name: string;
    permission: Permission;
    input: S;
    /** The system path the action touches, or null when its target does not exist (or is not the actor's to see). */
    scope: (input: z.output<S>, db: Database, actor: Actor) => Promise<string | null>;
  },
  handler: (context: ActionContext<z.output<S>>) => Promise<string>,
  deps: ActionDeps = SESSION_DEPS,
): (previous: ActionResult | null, form: FormData) => Promise<ActionResult> {
  return async (_previous, form) => {
    const actor = await deps.actor();
    if (actor.kind !== "user") return { ok: false, error: "Your session has ended: sign in again." };
    const lineOf = { concern: "action", action: options.name, user: actor.email };
    try {
      authorize(actor, options.permission);
      const parsed = options.input.safeParse(Object.fromEntries(form));
      if (!parsed.success) {
        const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
        return { ok: false, error: `Check ${Object.keys(fields).join(", ")}.`, fields };
      }
      const db = await deps.database();
      const path = await options.scope(parsed.data, db, actor);
      if (path === null) throw new AppError("not_found", "It no longer exists, or is not yours to see.");
      requireScope(actor, path, options.permission);
      const message = await handler({ input: parsed.data, actor, audit: auditActor(actor), db, path });
      log.info({ ...lineOf, target: path }, "action");
      return { ok: true, message };
    } catch (error) {
      if (error instanceof AppError) {
        log.info({ ...lineOf, code: error.code }, "action refused");
        return { ok: false, error: error.message };
      }
      const reference = randomUUID();
      log.error({ ...lineOf, err: error, reference }, "action failed");
      return { ok: false, error: `Something went wrong; the server log has the details (reference ${reference}).` };
    }
  };
}
