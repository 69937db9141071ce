import "server-only";
import { apiHandler, type ApiDeps, type WithRoute } from "@/lib/api/api-handler";
import { narrowScopes } from "@/lib/api/narrow-scopes";
import { operatorOf } from "@/lib/api/operator";
import { acknowledgeSignal, getSignal, listSignals, noteSignal, resolveSignal, silenceSignalUnit } from "@/lib/api/routes/signals";
import { encodeCursor } from "@/lib/api/signal-cursor";
import type { Actor } from "@/lib/auth/actor";
import { requireScope, scopesWith } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { pageOf } from "@/lib/keyset-page";
import * as operate from "@/lib/signals/operator-actions";
import type { Database } from "@/lib/store/database";
import { signalHeadPage, type SignalHead } from "@/lib/store/signal-heads";
import { readSignalIn } from "@/lib/store/signals";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { MINUTE } from "@/lib/vsm/types";

/** A signal in a list: everything but its timeline (and the unit's internal id, which the list does not publish). */
function summaryOf(head: SignalHead): Omit<Signal, "timeline"> {
  const summary: Partial<SignalHead> & Omit<Signal, "timeline"> = { ...head };
  delete summary.systemId;
  return summary;
}

/**
 * The signal an action names, if the caller may see it — outside their subtrees it does not exist
 * for them — and then only if they may operate on its unit: the rule of the signal page's actions
 * (docs/access.md, "Acting on signals").
 */
async function signalToOperate(db: Database, actor: Actor, id: string): Promise<Signal> {
  const signal = await readSignalIn(db.sql, id, scopesWith(actor, "read"));
  if (signal === null) throw new AppError("not_found", `No signal ${id}, or it is not yours to see`);
  requireScope(actor, signal.unitPath, "operate");
  return signal;
}

export function signalHandlers(withRoute: WithRoute, deps: ApiDeps) {
  return {
    listSignals: apiHandler(withRoute, listSignals, async ({ query, actor }) => {
      const db = await deps.database();
      // One more than asked for, to know whether a next page follows.
      const heads = await signalHeadPage(db.sql, {
        scopes: narrowScopes(scopesWith(actor, "read"), query.under),
        filter: {
          states: query.state ?? null,
          valence: query.valence ?? null,
          kind: query.kind ?? null,
          subtree: null,
          from: query.from ?? null,
          to: query.to ?? null,
        },
        after: query.cursor ?? null,
        limit: query.limit + 1,
      });
      const { page, hasNextPage } = pageOf(heads, query.limit);
      const last = page.at(-1);
      const next = hasNextPage && last ? encodeCursor({ raisedAt: last.raisedAt, id: last.id }) : null;
      return { signals: page.map(summaryOf), nextCursor: next };
    }),

    getSignal: apiHandler(withRoute, getSignal, async ({ params, actor }) => {
      const db = await deps.database();
      const signal = await readSignalIn(db.sql, params.id, scopesWith(actor, "read"));
      if (signal === null) throw new AppError("not_found", `No signal ${params.id}, or it is not yours to see`);
      return signal;
    }),

    acknowledgeSignal: apiHandler(withRoute, acknowledgeSignal, async ({ params, body, actor }) => {
      const db = await deps.database();
      await signalToOperate(db, actor, params.id);
      const input = {
        signalId: params.id,
        ...(body.eta === undefined ? {} : { eta: body.eta }),
        ...(body.note ? { note: body.note } : {}),
      };
      return operate.acknowledgeSignal(db, operatorOf(actor), input, deps.now());
    }),

    resolveSignal: apiHandler(withRoute, resolveSignal, async ({ params, body, actor }) => {
      const db = await deps.database();
      await signalToOperate(db, actor, params.id);
      return operate.resolveSignal(db, operatorOf(actor), { signalId: params.id, ...body }, deps.now());
    }),

    noteSignal: apiHandler(withRoute, noteSignal, async ({ params, body, actor }) => {
      const db = await deps.database();
      await signalToOperate(db, actor, params.id);
      return operate.noteSignal(db, operatorOf(actor), { signalId: params.id, text: body.text }, deps.now());
    }),

    silenceSignalUnit: apiHandler(withRoute, silenceSignalUnit, async ({ params, body, actor }) => {
      const db = await deps.database();
      const signal = await signalToOperate(db, actor, params.id);
      const now = deps.now();
      const silence = await operate.createSilence(
        db,
        operatorOf(actor),
        { matcher: { unitPath: signal.unitPath, scope: "exact" }, startsAt: now, endsAt: now + body.minutes * MINUTE, reason: body.reason },
        now,
      );
      return { silence };
    }),
  };
}
