import "server-only";
import { auditActor } from "@/lib/auth/audit-actor";
import type { Actor } from "@/lib/auth/actor";
import { requireContentType } from "@/lib/http/request-body";
import { decodingStep } from "@/lib/ingest/malformed-body";
import { mapOtlpRequest, readOtlpMetrics } from "@/lib/ingest/otlp/decode-otlp-metrics";
import { encodeOtlpResponseJson, encodeOtlpResponseProtobuf, otlpPartialSuccess } from "@/lib/ingest/otlp/otlp-response";
import { readOtlpProtobuf } from "@/lib/ingest/otlp/read-otlp-protobuf";
import { cumulativeSeries, settleRequest } from "@/lib/ingest/settle-points";
import { groupUnassigned } from "@/lib/ingest/unassigned";
import { countIngestBatch, countReceived } from "@/lib/metrics/console-metrics";
import type { Pipeline } from "@/lib/pipeline/pipeline";
import { readCounterMemory } from "@/lib/store/counter-memory";
import type { Database } from "@/lib/store/database";
import { resolvePoints } from "@/lib/telemetry/resolve-points";
import { splitByScope } from "@/lib/telemetry/scope-split";

export const OTLP_PROTOBUF = "application/x-protobuf";
export const OTLP_JSON = "application/json";

/**
 * `POST /api/otlp/v1/metrics` (docs/telemetry-in.md): OTLP/HTTP in protobuf or JSON, answered in
 * the same encoding. Points that cannot be taken — invalid, unassigned, outside the key's scope —
 * are a partial success (status 200), so the exporter does not resend what would fail again; the
 * rest is stored and filtered.
 */
export async function receiveOtlp(
  bytes: Uint8Array,
  context: { request: Request; actor: Actor; db: Pick<Database, "sql">; pipeline: Pipeline; now: number },
): Promise<Response> {
  const { request, actor, db, pipeline, now } = context;
  const started = performance.now();
  const type = requireContentType(request, [OTLP_PROTOBUF, OTLP_JSON]);
  const unsettled =
    type === OTLP_PROTOBUF
      ? mapOtlpRequest(readOtlpProtobuf(bytes), now)
      : readOtlpMetrics(
          decodingStep("OTLP/JSON", () => JSON.parse(new TextDecoder().decode(bytes)) as unknown),
          now,
        );
  countReceived("otlp", unsettled.counts.points);
  const settled = settleRequest(unsettled, await readCounterMemory(db.sql, cumulativeSeries(unsettled)));
  const scoped = splitByScope(actor, settled.observations);
  const resolved = await resolvePoints(db.sql, scoped.inside);
  const rejects = [...settled.rejects, ...scoped.outside, ...resolved.rejects];
  const result = await pipeline.write(
    {
      points: resolved.points,
      unassigned: groupUnassigned("otlp", [...settled.rejects, ...resolved.rejects]),
      counterMemory: settled.memory,
    },
    { audit: { actor: auditActor(actor), action: "telemetry.write", detail: { source: "otlp" } } },
  );
  if (result.kind === "stored") countIngestBatch("otlp", result.outcome.stored, started);
  const partial = otlpPartialSuccess(rejects);
  return type === OTLP_PROTOBUF
    ? new Response(new Uint8Array(encodeOtlpResponseProtobuf(partial)), { status: 200, headers: { "content-type": OTLP_PROTOBUF } })
    : new Response(encodeOtlpResponseJson(partial), { status: 200, headers: { "content-type": OTLP_JSON } });
}
