import "server-only";
import { auditActor } from "@/lib/auth/audit-actor";
import { createHash } from "node:crypto";
import { describeScopes, permitter } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { decodeObservationBatch } from "@/lib/ingest/json/decode-observation-batch";
import type { Reject } from "@/lib/ingest/reject";
import { groupUnassigned } from "@/lib/ingest/unassigned";
import { countIngestBatch, countReceived } from "@/lib/metrics/console-metrics";
import type { BatchOutcome, Pipeline } from "@/lib/pipeline/pipeline";
import type { Database } from "@/lib/store/database";
import { appendAudit } from "@/lib/store/audit-events";
import { countUnassigned } from "@/lib/store/unassigned-points";
import { resolvePoints } from "@/lib/telemetry/resolve-points";

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** A key is 1–200 visible ASCII characters (a UUID is the usual choice). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** At most this many rejects are listed in a 422; the count says how many there were. */
const MAX_LISTED = 1_000;

/**
 * `POST /api/v1/observations` (docs/telemetry-in.md). All or nothing: one bad item — invalid,
 * naming an unknown unit or indicator, or outside the key's scope — rejects the whole batch and
 * stores none of it; the unknown ones are still counted as unassigned. With an `Idempotency-Key`
 * header a retried batch is stored once and gets the first answer again.
 */
export async function receiveObservations(
  body: unknown,
  context: { request: Request; actor: Actor; db: Pick<Database, "sql">; pipeline: Pipeline; now: number },
): Promise<Response> {
  const { request, actor, db, pipeline, now } = context;
  const started = performance.now();
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError("bad_request", "Idempotency-Key must be 1–200 visible ASCII characters", [
      { path: "headers.idempotency-key", message: "expected 1–200 visible ASCII characters, e.g. a UUID" },
    ]);
  }
  const decoded = decodeObservationBatch(body, { now });
  countReceived("json", decoded.counts.points);
  const mayWrite = permitter(actor, "ingest");
  const outside = decoded.observations.flatMap((o, i) => (mayWrite(o.unitPath) ? [] : [decoded.positions[i]!]));
  if (outside.length > 0) {
    throw new AppError(
      "forbidden",
      `${outside.length} item(s) name units outside what this sender may write to: ${describeScopes(actor, "ingest")}`,
      {
        items: outside.slice(0, MAX_LISTED),
      },
    );
  }
  const resolved = await resolvePoints(db.sql, decoded.observations, decoded.positions);
  const rejects = [...decoded.rejects, ...resolved.rejects];
  if (rejects.length > 0) {
    // Nothing of the batch is stored, but data for units or indicators we lack is still counted.
    const unassigned = groupUnassigned("json", resolved.rejects);
    if (unassigned.length > 0) {
      await db.sql.transaction(async (tx) => {
        await countUnassigned(tx, unassigned, now);
        const points = unassigned.reduce((sum, u) => sum + u.count, 0);
        await appendAudit(tx, [
          { actor: auditActor(actor), action: "telemetry.unassigned", detail: { source: "json", points, names: unassigned.length } },
        ]);
      });
    }
    throw rejected(rejects);
  }
  const answer = (outcome: BatchOutcome) => ({ status: 200, body: summary(decoded.counts.points, decoded.counts.superseded, outcome) });
  // Hashed once: a batch may be megabytes, and a replay compares the hash again.
  const idempotency = key === null ? undefined : { actor: auditActor(actor), key, requestHash: hashOf(body), answer };
  const result = await pipeline.write(
    { points: resolved.points },
    {
      audit: { actor: auditActor(actor), action: "telemetry.write", detail: { source: "json" } },
      ...(idempotency === undefined ? {} : { idempotency }),
    },
  );
  if (result.kind === "replayed") {
    if (result.answer.requestHash !== idempotency?.requestHash) {
      throw new AppError("validation_failed", "This Idempotency-Key was used before for a different batch: use a new key for new data", [
        { path: "headers.idempotency-key", message: "already used for a different request body" },
      ]);
    }
    return Response.json(result.answer.body, { status: result.answer.status, headers: { "Idempotent-Replayed": "true" } });
  }
  countIngestBatch("json", result.outcome.stored, started);
  const { status, body: answerBody } = result.answer ?? answer(result.outcome);
  return Response.json(answerBody, { status });
}

function summary(received: number, superseded: number, outcome: BatchOutcome) {
  return {
    received,
    stored: outcome.stored,
    duplicates: outcome.duplicates,
    superseded,
    stepped: outcome.stepped,
    events: outcome.events,
  };
}

function rejected(rejects: readonly Reject[]): AppError {
  const items = rejects.slice(0, MAX_LISTED).map((r) => ({ path: r.at, code: r.code, message: r.message }));
  return new AppError(
    "validation_failed",
    `${rejects.length} item(s) of the batch were rejected, so none was stored: ${rejects[0]!.at}: ${rejects[0]!.message}`,
    items,
  );
}

/** The same batch with different spacing is the same request: hash the parsed body, not its bytes. */
function hashOf(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}
