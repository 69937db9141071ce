import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { scopesWith } from "@/lib/auth/permissions";
import { withAction, type ActionDeps } from "@/lib/http/server-action";
import { acknowledgeSignal, createSilence, noteSignal, resolveSignal } from "@/lib/signals/operator-actions";
import type { Database } from "@/lib/store/database";
import { readSignalIn } from "@/lib/store/signals";

/**
 * What a signed-in operator does from a signal's page (docs/access.md): acknowledge with an ETA,
 * resolve with a reason, note, silence the unit. Each goes through the one action wrapper and the
 * same audited operator functions the REST actions and the simulator use. Built on demand, so
 * that the authorization matrix test runs the very actions the page's "use server" module
 * (app/(console)/signals/[id]/actions.ts) exports, as whichever actor it names.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "is required" })
    .max(max, { message: `must be at most ${max} characters` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .transform((value) => (value === "" ? undefined : value));
const minutes = (max: number) =>
  z.coerce
    .number({ message: "must be a number of minutes" })
    .int({ message: "must be whole minutes" })
    .min(1, { message: `must be from 1 to ${max} minutes` })
    .max(max, { message: `must be from 1 to ${max} minutes` });
const signalId = z.string().min(1).max(64);

/** The signal's unit, if the operator may see it at all. */
async function unitOf(input: { signalId: string }, db: Database, actor: Actor): Promise<string | null> {
  return (await readSignalIn(db.sql, input.signalId, scopesWith(actor, "read")))?.unitPath ?? null;
}

const operatorOf = (context: { actor: { email: string }; audit: string }) => ({
  actor: { type: "user" as const, id: context.actor.email },
  audit: context.audit,
});

const acknowledge = (deps?: ActionDeps) =>
  withAction(
    {
      name: "signal.acknowledge",
      permission: "operate",
      input: z.object({
        signalId,
        etaMinutes: z.union([z.literal(""), minutes(7 * 24 * 60)]).optional(),
        note: optionalText(2000).optional(),
      }),
      scope: unitOf,
    },
    async ({ input, db, ...context }) => {
      const now = Date.now();
      // Whole seconds: the timeline says how far the ETA moves the allowance, and milliseconds there are noise.
      const eta =
        input.etaMinutes === undefined || input.etaMinutes === "" ? undefined : Math.ceil((now + input.etaMinutes * 60_000) / 1000) * 1000;
      await acknowledgeSignal(
        db,
        operatorOf(context),
        { signalId: input.signalId, ...(eta ? { eta } : {}), ...(input.note ? { note: input.note } : {}) },
        now,
      );
      return eta ? `Acknowledged; expected fixed within ${input.etaMinutes} minutes.` : "Acknowledged.";
    },
    deps,
  );

const resolve = (deps?: ActionDeps) =>
  withAction(
    {
      name: "signal.resolve",
      permission: "operate",
      input: z.object({ signalId, resolution: z.enum(["fixed", "accepted-new-normal", "false-alarm"]), reason: text(2000) }),
      scope: unitOf,
    },
    async ({ input, db, ...context }) => {
      await resolveSignal(db, operatorOf(context), input, Date.now());
      return "Resolved.";
    },
    deps,
  );

const note = (deps?: ActionDeps) =>
  withAction(
    { name: "signal.note", permission: "operate", input: z.object({ signalId, text: text(2000) }), scope: unitOf },
    async ({ input, db, ...context }) => {
      await noteSignal(db, operatorOf(context), input, Date.now());
      return "Note added.";
    },
    deps,
  );

const silenceUnit = (deps?: ActionDeps) =>
  withAction(
    {
      name: "silence.create",
      permission: "operate",
      input: z.object({ signalId, minutes: minutes(30 * 24 * 60), reason: text(500) }),
      scope: unitOf,
    },
    async ({ input, db, path, ...context }) => {
      // `path` is the signal's unit, found by unitOf and checked by the wrapper.
      const now = Date.now();
      await createSilence(
        db,
        operatorOf(context),
        { matcher: { unitPath: path, scope: "exact" }, startsAt: now, endsAt: now + input.minutes * 60_000, reason: input.reason },
        now,
      );
      return `Silenced ${path} for ${input.minutes} minutes.`;
    },
    deps,
  );

/** The signal page's actions on `deps` (default: the request's session and the app's database). */
export function signalActions(deps?: ActionDeps) {
  return { acknowledge: acknowledge(deps), resolve: resolve(deps), note: note(deps), silence: silenceUnit(deps) };
}
