import "server-only";
import { auditActor } from "@/lib/auth/audit-actor";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { readRemoteWrite } from "@/lib/ingest/prometheus/decode-remote-write";
import { cumulativeSeries, settleRequest } from "@/lib/ingest/settle-points";
import { groupUnassigned } from "@/lib/ingest/unassigned";
import { countIngestBatch, countReceived } from "@/lib/metrics/console-metrics";
import type { Pipeline } from "@/lib/pipeline/pipeline";
import { readCounterMemory } from "@/lib/store/counter-memory";
import type { Database } from "@/lib/store/database";
import { MAX_METRICS_EXPANDED_BYTES } from "@/lib/telemetry/limits";
import type { MetricTypeCache } from "@/lib/telemetry/metric-type-cache";
import { resolvePoints } from "@/lib/telemetry/resolve-points";
import { splitByScope } from "@/lib/telemetry/scope-split";

/**
 * `POST /api/v1/write` (docs/telemetry-in.md): Prometheus remote-write 1.0. Prometheus retries a
 * 5xx and drops a 4xx, so the answer is 204 whenever the body could be read — points that are
 * invalid or unassigned are counted, not worth a resend — and 400 when it could not. A series
 * outside the key's scope refuses the whole request (403): a misconfigured sender should hear it
 * rather than have part of its data silently kept.
 */
export async function receiveRemoteWrite(
  bytes: Uint8Array,
  context: { actor: Actor; db: Pick<Database, "sql">; pipeline: Pipeline; metricTypes: MetricTypeCache; now: number },
): Promise<Response> {
  const { actor, db, pipeline, metricTypes, now } = context;
  const started = performance.now();
  const unsettled = readRemoteWrite(bytes, { now, metricTypes: await metricTypes.current(), maxBytes: MAX_METRICS_EXPANDED_BYTES });
  countReceived("remote_write", unsettled.counts.points);
  await metricTypes.learn(unsettled.metricTypes);
  const settled = settleRequest(unsettled, await readCounterMemory(db.sql, cumulativeSeries(unsettled)));
  const scoped = splitByScope(actor, settled.observations);
  if (scoped.outside.length > 0) {
    throw new AppError(
      "forbidden",
      `${scoped.outside.length} sample(s) name units outside this API key's scope: ${scoped.outside[0]!.message}`,
    );
  }
  const resolved = await resolvePoints(db.sql, scoped.inside);
  const result = await pipeline.write(
    {
      points: resolved.points,
      unassigned: groupUnassigned("prometheus", [...settled.rejects, ...resolved.rejects]),
      counterMemory: settled.memory,
    },
    { audit: { actor: auditActor(actor), action: "telemetry.write", detail: { source: "prometheus" } } },
  );
  if (result.kind === "stored") countIngestBatch("remote_write", result.outcome.stored, started);
  return new Response(null, { status: 204 });
}
