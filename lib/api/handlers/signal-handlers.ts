import "server-only";
import { apiHandler, type ApiDeps, type WithRoute } from "@/lib/api/api-handler";
import { narrowScopes } from "@/lib/api/narrow-scopes";
import { operatorOf } from "@/lib/api/operator";
import { acknowledgeSignal, getSignal, listSignals, noteSignal, resolveSignal, silenceSignalUnit } from "@/lib/api/routes/signals";
import { encodeCursor } from "@/lib/api/signal-cursor";
import type { Actor } from "@/lib/auth/actor";
import { requireScope, scopesWith } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import * as operate from "@/lib/signals/operator-actions";
import type { Database } from "@/lib/store/database";
import { pageSignals } from "@/lib/store/signal-keyset";
import { readSignalIn } from "@/lib/store/signals";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { MINUTE } from "@/lib/vsm/types";

/** A signal in a list: everything but its timeline. */
function summaryOf(signal: Signal): Omit<Signal, "timeline"> {
  const summary: Partial<Signal> & Omit<Signal, "timeline"> = { ...signal };
  delete summary.timeline;
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
      const page = await pageSignals(db.sql, {
        scopes: narrowScopes(scopesWith(actor, "read"), query.under),
        ...(query.state ? { states: query.state } : {}),
        ...(query.valence ? { valence: query.valence } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.from === undefined ? {} : { from: query.from }),
        ...(query.to === undefined ? {} : { to: query.to }),
        ...(query.cursor ? { after: query.cursor } : {}),
        limit: query.limit,
      });
      return { signals: page.signals.map(summaryOf), nextCursor: page.next ? encodeCursor(page.next) : null };
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
