import "server-only";
import { auditActor } from "@/lib/auth/audit-actor";
import type { Actor } from "@/lib/auth/actor";
import { describeScopes, permitter } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { decodeAlerts } from "@/lib/ingest/alertmanager/decode-alerts";
import { reject } from "@/lib/ingest/reject";
import { groupUnassigned } from "@/lib/ingest/unassigned";
import type { Pipeline } from "@/lib/pipeline/pipeline";
import type { Database } from "@/lib/store/database";
import { knownUnits } from "@/lib/store/indicator-runtimes";

/**
 * `POST /api/v2/alerts` (docs/telemetry-in.md): Alertmanager's v2 API as Prometheus' alerting
 * calls it. Each valid alert is stored as an external alert of the unit in its `vsm_unit` label —
 * also when the model has no such unit yet (it is kept unlinked and counted as unassigned, so a
 * page is never lost to a typo in the model). Answers as Alertmanager does: 200, or 400 naming the
 * invalid alerts while the valid ones of the same body are still taken. A unit outside the key's
 * scope refuses the whole body (403).
 */
export async function receiveAlerts(
  body: unknown,
  context: { actor: Actor; db: Pick<Database, "sql">; pipeline: Pipeline; now: number },
): Promise<Response> {
  const { actor, db, pipeline, now } = context;
  const decoded = decodeAlerts(body, { now });
  const mayWrite = permitter(actor, "ingest");
  const outside = decoded.events.filter((e) => !mayWrite(e.unitPath));
  if (outside.length > 0) {
    throw new AppError(
      "forbidden",
      `${outside.length} alert(s) name units outside what this sender may write to (${describeScopes(actor, "ingest")}), e.g. "${outside[0]!.unitPath}"`,
    );
  }
  const units = await knownUnits(db.sql, [...new Set(decoded.events.map((e) => e.unitPath))]);
  const unknown = decoded.events
    .filter((e) => !units.has(e.unitPath))
    .map((e) =>
      reject(`alert ${e.fingerprint}`, "unknown_unit", `no unit "${e.unitPath}" in the model`, {
        unitPath: e.unitPath,
        indicatorKey: e.name ?? "",
      }),
    );
  const result = await pipeline.write(
    {
      points: [],
      alerts: decoded.events,
      unassigned: groupUnassigned("alertmanager", [...decoded.rejects, ...unknown]),
    },
    { audit: { actor: auditActor(actor), action: "telemetry.write", detail: { source: "alertmanager" } } },
  );
  const stored = result.kind === "stored" ? result.outcome.alerts : { created: 0, updated: 0 };
  if (decoded.status === 400) {
    const invalid = decoded.rejects.filter((r) => r.code === "invalid_alert");
    throw new AppError("bad_request", `${invalid.length} alert(s) are invalid (the others were taken): ${invalid[0]?.message ?? ""}`, {
      alerts: invalid.map((r) => ({ path: r.at, message: r.message })),
      stored,
    });
  }
  return Response.json({ received: decoded.counts.points, ...stored, unassigned: unknown.length });
}
