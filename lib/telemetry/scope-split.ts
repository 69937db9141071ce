import type { Actor } from "@/lib/auth/actor";
import { describeScopes, permitter } from "@/lib/auth/permissions";
import type { KeyedObservation } from "@/lib/ingest/observation";
import { reject, type Reject } from "@/lib/ingest/reject";

/**
 * Splits a metrics request's observations by where the actor may send telemetry: those of units
 * outside it are refused, one reject each (OTLP answers them as a partial rejection).
 */
export function splitByScope(actor: Actor, observations: readonly KeyedObservation[]): { inside: KeyedObservation[]; outside: Reject[] } {
  const mayWrite = permitter(actor, "ingest");
  const inside: KeyedObservation[] = [];
  const outside: Reject[] = [];
  for (const o of observations) {
    if (mayWrite(o.unitPath)) inside.push(o);
    else
      outside.push(
        reject(
          `${o.unitPath} ${o.indicatorKey}`,
          "invalid_unit",
          `unit "${o.unitPath}" is outside what this sender may write to: ${describeScopes(actor, "ingest")}`,
          {
            unitPath: o.unitPath,
            indicatorKey: o.indicatorKey,
          },
        ),
      );
  }
  return { inside, outside };
}
