import "server-only";
import { AppError } from "@/lib/errors";
import type { createRouteWrapper, RouteHandler } from "@/lib/http";
import { readBodyBytes, readDecodedBody, readJsonBody, requireContentType } from "@/lib/http/request-body";
import { MAX_ALERTS_BYTES, MAX_JSON_BATCH_BYTES, MAX_METRICS_EXPANDED_BYTES, MAX_METRICS_WIRE_BYTES } from "@/lib/telemetry/limits";
import { receiveAlerts } from "@/lib/telemetry/receive-alerts";
import { receiveObservations } from "@/lib/telemetry/receive-observations";
import { OTLP_JSON, OTLP_PROTOBUF, receiveOtlp } from "@/lib/telemetry/receive-otlp";
import { receiveRemoteWrite } from "@/lib/telemetry/receive-remote-write";
import type { Telemetry } from "@/lib/telemetry/server-telemetry";

export interface TelemetryRoutes {
  observations: RouteHandler;
  otlp: RouteHandler;
  remoteWrite: RouteHandler;
  alerts: RouteHandler;
}

/**
 * The four ingestion handlers (docs/telemetry-in.md), built on a route wrapper and a telemetry
 * context: the app passes its own (app/api/…/route.ts), tests a wrapper with their key store and a
 * scratch database. Every one needs the `ingest` permission; each checks its content type before
 * reading the body, and reads at most its limit.
 */
export function telemetryRoutes(withRoute: ReturnType<typeof createRouteWrapper>, telemetry: () => Promise<Telemetry>): TelemetryRoutes {
  return {
    observations: withRoute({ permission: "ingest" }, async ({ request, actor }) => {
      const body = await readJsonBody(request, MAX_JSON_BATCH_BYTES);
      const { db, pipeline } = await telemetry();
      return receiveObservations(body, { request, actor, db, pipeline, now: Date.now() });
    }),
    otlp: withRoute({ permission: "ingest" }, async ({ request, actor }) => {
      requireContentType(request, [OTLP_PROTOBUF, OTLP_JSON]);
      const bytes = await readDecodedBody(request, { wireBytes: MAX_METRICS_WIRE_BYTES, expandedBytes: MAX_METRICS_EXPANDED_BYTES });
      const { db, pipeline } = await telemetry();
      return receiveOtlp(bytes, { request, actor, db, pipeline, now: Date.now() });
    }),
    remoteWrite: withRoute({ permission: "ingest", transientAs503: true }, async ({ request, actor }) => {
      requireContentType(request, ["application/x-protobuf"]);
      requireSnappy(request);
      const bytes = await readBodyBytes(request, MAX_METRICS_WIRE_BYTES);
      const { db, pipeline, metricTypes } = await telemetry();
      return receiveRemoteWrite(bytes, { actor, db, pipeline, metricTypes, now: Date.now() });
    }),
    alerts: withRoute({ permission: "ingest" }, async ({ request, actor }) => {
      const body = await readJsonBody(request, MAX_ALERTS_BYTES);
      const { db, pipeline } = await telemetry();
      return receiveAlerts(body, { actor, db, pipeline, now: Date.now() });
    }),
  };
}

/** Remote-write 1.0 bodies are always snappy blocks; a missing header is tolerated, another coding is not. */
function requireSnappy(request: Request): void {
  const coding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (coding === undefined || coding === "snappy") return;
  throw new AppError(
    "unsupported_media_type",
    `Content-Encoding ${coding} is not accepted: remote-write bodies are snappy (block format)`,
    {
      acceptedEncodings: ["snappy"],
    },
  );
}
