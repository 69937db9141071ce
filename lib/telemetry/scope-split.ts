import type { Actor } from "@/lib/auth/actor";
import { scopeCovers } from "@/lib/auth/permissions";
import type { KeyedObservation } from "@/lib/ingest/observation";
import { reject, type Reject } from "@/lib/ingest/reject";

/**
 * Splits a metrics request's observations by the API key's scope: those of units outside it are
 * refused, one reject each (OTLP answers them as a partial rejection).
 */
export function splitByScope(actor: Actor, observations: readonly KeyedObservation[]): { inside: KeyedObservation[]; outside: Reject[] } {
  if (actor.kind !== "api_key" || actor.scope === "") return { inside: [...observations], outside: [] };
  const inside: KeyedObservation[] = [];
  const outside: Reject[] = [];
  for (const o of observations) {
    if (scopeCovers(actor.scope, o.unitPath)) inside.push(o);
    else
      outside.push(
        reject(`${o.unitPath} ${o.indicatorKey}`, "invalid_unit", `unit "${o.unitPath}" is outside this API key's scope "${actor.scope}"`, {
          unitPath: o.unitPath,
          indicatorKey: o.indicatorKey,
        }),
      );
  }
  return { inside, outside };
}
