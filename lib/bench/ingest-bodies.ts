import { ValueType } from "@opentelemetry/api";
import { ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { AggregationTemporality, DataPointType, type MetricData, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import type { Row } from "@/lib/bench/ingest-series";
import { UNIT_ATTRIBUTE } from "@/lib/ingest/otlp/decode-otlp-metrics";

/**
 * Request bodies of the ingest benchmark, encoded as real senders encode them: the JSON batch API's
 * `{ observations: [...] }` with epoch-millisecond times, and OTLP protobuf made by OpenTelemetry
 * JS' own serializer (the code an unmodified OTel exporter runs).
 */

export function jsonBody(rows: readonly Row[]): string {
  return JSON.stringify({
    observations: rows.map((r) => ({ unit: r.series.unitPath, indicator: r.series.key, time: r.time, value: r.value })),
  });
}

const hrTime = (ms: number): [number, number] => [Math.floor(ms / 1000), (ms % 1000) * 1_000_000];

/**
 * One ResourceMetrics per unit (a service's resource names its unit with `vsm.unit`), each metric
 * a gauge with the unit's points of it: what an SDK exports, or a collector that batched several
 * of its exports into one request.
 */
export function otlpBody(rows: readonly Row[]): Uint8Array {
  const byUnit = new Map<string, Map<string, Row[]>>();
  for (const row of rows) {
    const metrics = byUnit.get(row.series.unitPath) ?? new Map<string, Row[]>();
    const points = metrics.get(row.series.metric) ?? [];
    points.push(row);
    metrics.set(row.series.metric, points);
    byUnit.set(row.series.unitPath, metrics);
  }
  const request: ResourceMetrics[] = [...byUnit].map(([unit, metrics]) => ({
    resource: resourceFromAttributes({ "service.name": unit.replaceAll("/", "-"), [UNIT_ATTRIBUTE]: unit }),
    scopeMetrics: [{ scope: { name: "vsm-bench", version: "1.0.0" }, metrics: [...metrics].map(([name, points]) => gauge(name, points)) }],
  }));
  const bodies = request.map((r) => ProtobufMetricsSerializer.serializeRequest(r)!);
  return concatRequests(bodies);
}

function gauge(name: string, points: readonly Row[]): MetricData {
  return {
    descriptor: { name, description: "", unit: "", valueType: ValueType.DOUBLE },
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.GAUGE,
    dataPoints: points.map((p) => ({ startTime: hrTime(p.time), endTime: hrTime(p.time), value: p.value, attributes: {} })),
  };
}

/**
 * The serializer takes one ResourceMetrics; an ExportMetricsServiceRequest is only its repeated
 * field 1, and protobuf concatenates repeated fields, so the requests joined are one request.
 */
function concatRequests(bodies: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(bodies.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  for (const body of bodies) {
    joined.set(body, offset);
    offset += body.byteLength;
  }
  return joined;
}
