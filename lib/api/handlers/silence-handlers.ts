import "server-only";
import { apiHandler, type ApiDeps, type WithRoute } from "@/lib/api/api-handler";
import { operatorOf } from "@/lib/api/operator";
import { createSilence, endSilence, listSilences } from "@/lib/api/routes/silences";
import { MAX_SILENCES } from "@/lib/api/schemas/silences";
import { requireScope, scopesWith } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import * as operate from "@/lib/signals/operator-actions";
import { listSilencesIn, readSilenceIn } from "@/lib/store/silence-reads";

/**
 * Silences through the audited operator functions (docs/signals.md). Creating or ending one needs
 * `operate` on the unit it names — on the whole model for one that names no unit, since it can
 * hide signals anywhere.
 */
export function silenceHandlers(withRoute: WithRoute, deps: ApiDeps) {
  return {
    listSilences: apiHandler(withRoute, listSilences, async ({ query, actor }) => {
      const db = await deps.database();
      const since = query.since ?? deps.now();
      return { silences: await listSilencesIn(db.sql, { since, scopes: scopesWith(actor, "read"), limit: MAX_SILENCES }) };
    }),

    createSilence: apiHandler(withRoute, createSilence, async ({ body, actor }) => {
      requireScope(actor, body.matcher.unitPath ?? "", "operate");
      const now = deps.now();
      const startsAt = body.startsAt ?? now;
      if (body.endsAt <= startsAt) {
        throw new AppError("validation_failed", "The request has invalid values: see details", [
          { in: "body", path: "endsAt", message: "must be after startsAt (now, when not given)" },
        ]);
      }
      const db = await deps.database();
      const silence = await operate.createSilence(
        db,
        operatorOf(actor),
        { matcher: body.matcher, startsAt, endsAt: body.endsAt, reason: body.reason },
        now,
      );
      return { silence };
    }),

    endSilence: apiHandler(withRoute, endSilence, async ({ params, actor }) => {
      const db = await deps.database();
      const now = deps.now();
      const silence = await readSilenceIn(db.sql, params.id, scopesWith(actor, "read"));
      if (silence === null || silence.endsAt <= now) throw new AppError("not_found", `No running silence ${params.id} that you may see`);
      requireScope(actor, silence.matcher.unitPath ?? "", "operate");
      await operate.endSilence(db, operatorOf(actor), params.id, now);
      const ended = await readSilenceIn(db.sql, params.id, scopesWith(actor, "read"));
      if (ended === null) throw new AppError("not_found", `No silence ${params.id}`);
      return { silence: ended };
    }),
  };
}
