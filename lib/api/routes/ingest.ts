import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { postableAlertSchema } from "@/lib/ingest/alertmanager/postable-alert-schema";
import { observationBatchSchema } from "@/lib/ingest/json/observation-batch-schema";
import { otlpRequestSchema } from "@/lib/ingest/otlp/otlp-request-schema";
import { MAX_ALERTS_BYTES, MAX_JSON_BATCH_BYTES, MAX_METRICS_EXPANDED_BYTES, MAX_METRICS_WIRE_BYTES } from "@/lib/telemetry/limits";

/**
 * The telemetry endpoints (docs/telemetry-in.md), for the document only: their handlers are built
 * in lib/telemetry/telemetry-routes.ts, which reads each body itself (protobuf, snappy, gzip)
 * before decoding it, so they are not built from the API table. Their request schemas are the
 * decoders' own; the answers are checked against the schemas here by lib/api/ingest-docs.int.test.ts.
 */

const MIB = 1024 * 1024;
const count = z.number().int().min(0);

export const observationsAnswer = z
  .object({ received: count, stored: count, duplicates: count, superseded: count, stepped: count, events: count })
  .meta({ id: "IngestSummary" });

export const alertsAnswer = z.object({ received: count, created: count, updated: count, unassigned: count }).meta({ id: "AlertsSummary" });

const binary = { type: "string", format: "binary" } as const;

export interface IngestOperation {
  path: string;
  operation: ZodOpenApiOperationObject;
}

const common = { tags: ["Telemetry in"], security: [{ apiKey: [] }] };

export const INGEST_OPERATIONS: readonly IngestOperation[] = [
  {
    path: "/api/v1/observations",
    operation: {
      ...common,
      operationId: "postObservations",
      summary: "Send a JSON batch of observations",
      description: `All or nothing: one bad item rejects the whole batch (422, each item named) and stores none of it. At most 10,000 items and ${MAX_JSON_BATCH_BYTES / MIB} MiB. An Idempotency-Key header makes a retry store nothing twice. Needs ingest on every unit named.`,
      parameters: [
        z
          .string()
          .optional()
          .meta({ param: { in: "header", name: "Idempotency-Key" }, description: "1–200 visible ASCII characters, e.g. a UUID" }),
      ],
      requestBody: { required: true, content: { "application/json": { schema: observationBatchSchema } } },
      responses: { "200": { description: "Stored", content: { "application/json": { schema: observationsAnswer } } } },
    },
  },
  {
    path: "/api/otlp/v1/metrics",
    operation: {
      ...common,
      operationId: "postOtlpMetrics",
      summary: "Send OTLP/HTTP metrics (protobuf or JSON, gzip allowed)",
      description: `An OpenTelemetry ExportMetricsServiceRequest. Points that cannot be taken are reported in partialSuccess with a 200, as OTLP asks. At most ${MAX_METRICS_WIRE_BYTES / MIB} MiB on the wire and ${MAX_METRICS_EXPANDED_BYTES / MIB} MiB expanded.`,
      requestBody: {
        required: true,
        content: { "application/x-protobuf": { schema: binary }, "application/json": { schema: otlpRequestSchema } },
      },
      responses: {
        "200": {
          description: "ExportMetricsServiceResponse, in the request's encoding; empty when every point was taken",
          content: { "application/x-protobuf": { schema: binary }, "application/json": { schema: { type: "object" } } },
        },
      },
    },
  },
  {
    path: "/api/v1/write",
    operation: {
      ...common,
      operationId: "postRemoteWrite",
      summary: "Prometheus remote-write 1.0",
      description:
        "A snappy-compressed (block format) protobuf WriteRequest. Every transient failure, rate limits included, is a 503 with Retry-After, so Prometheus retries rather than drops.",
      requestBody: { required: true, content: { "application/x-protobuf": { schema: binary } } },
      responses: { "204": { description: "Stored" } },
    },
  },
  {
    path: "/api/v2/alerts",
    operation: {
      ...common,
      operationId: "postAlerts",
      summary: "Alertmanager v2 alerts, as Prometheus posts them",
      description: `Each alert becomes or updates an external alert of the unit its labels name, and a signal while it fires. At most ${MAX_ALERTS_BYTES / MIB} MiB.`,
      requestBody: { required: true, content: { "application/json": { schema: z.array(postableAlertSchema) } } },
      responses: { "200": { description: "Received", content: { "application/json": { schema: alertsAnswer } } } },
    },
  },
];
