import protobuf from "protobufjs/light.js";
import { decodingStep } from "../malformed-body";
import { OTLP_METRICS_DESCRIPTOR } from "./otlp-descriptor";
import type { OtlpKeyValue, OtlpMetric, OtlpRequest, OtlpResourceMetrics, OtlpScopeMetrics } from "./otlp-request-schema";

const root = protobuf.Root.fromJSON(OTLP_METRICS_DESCRIPTOR);
export const ExportMetricsServiceRequest = root.lookupType("otlp.ExportMetricsServiceRequest");
export const ExportMetricsServiceResponse = root.lookupType("otlp.ExportMetricsServiceResponse");
const AnyValue = root.lookupType("otlp.AnyValue");

/** How attribute values are converted: the shape OTLP/JSON has, bytes as base64 (otlp-attributes.ts reads both alike). */
const ATTRIBUTE_OPTIONS: protobuf.IConversionOptions = { bytes: String, enums: Number, arrays: true };

/**
 * Decoded messages as protobufjs gives them: unset fields read their defaults from the prototype
 * (a oneof's unset members too, so `asInt` reads as a zero Long beside a set `asDouble`), and the
 * oneof's virtual field (`data`, `value`) names the member that was set.
 */
interface PbKeyValue {
  key: string;
  value: protobuf.Message | null;
}
interface PbRequest {
  resourceMetrics: PbResourceMetrics[];
}
interface PbResourceMetrics {
  resource: { attributes: PbKeyValue[] } | null;
  scopeMetrics: PbScopeMetrics[];
}
interface PbScopeMetrics {
  scope: { name: string; version: string } | null;
  metrics: PbMetric[];
}
interface PbPoints {
  dataPoints: unknown[];
}
interface PbSum {
  dataPoints: PbNumberPoint[];
  aggregationTemporality: number;
  isMonotonic: boolean;
}
interface PbMetric {
  name: string;
  data: "gauge" | "sum" | "histogram" | "exponentialHistogram" | "summary" | undefined;
  gauge: { dataPoints: PbNumberPoint[] };
  sum: PbSum;
  histogram: PbPoints;
  exponentialHistogram: PbPoints;
  summary: PbPoints;
}
interface PbNumberPoint {
  startTimeUnixNano: unknown;
  timeUnixNano: unknown;
  value: "asDouble" | "asInt" | undefined;
  asDouble: number;
  asInt: unknown;
  attributes: PbKeyValue[];
  flags: number;
}

/**
 * An ExportMetricsServiceRequest in protobuf → the OtlpRequest that otlp-request-schema.ts makes
 * of OTLP/JSON, read straight from the decoded messages: the decoder has already checked every
 * type, so neither a converted copy of the request nor the schema's copy of that is needed (both
 * cost more per point than mapping it; BENCHMARKS.md, "Ingest through HTTP"). Data points become
 * the plain shape read-number-point.ts reads, with 64-bit integers as decoded (otlp-int64.ts).
 * A truncated or garbled body becomes a MalformedBodyError.
 */
export function readOtlpProtobuf(bytes: Uint8Array): OtlpRequest {
  const message = decodingStep("OTLP protobuf body", () => ExportMetricsServiceRequest.decode(bytes)) as unknown as PbRequest;
  return { resourceMetrics: message.resourceMetrics.map(resourceMetricsOf) };
}

function resourceMetricsOf(resourceMetrics: PbResourceMetrics): OtlpResourceMetrics {
  return {
    resource: { attributes: attributesOf(resourceMetrics.resource?.attributes ?? []) },
    scopeMetrics: resourceMetrics.scopeMetrics.map(scopeMetricsOf),
  };
}

function scopeMetricsOf({ scope, metrics }: PbScopeMetrics): OtlpScopeMetrics {
  return { scope: { name: scope?.name ?? "", version: scope?.version ?? "" }, metrics: metrics.map(metricOf) };
}

function metricOf(metric: PbMetric): OtlpMetric {
  const { name } = metric;
  switch (metric.data) {
    case "gauge":
      return { name, gauge: { dataPoints: metric.gauge.dataPoints.map(numberPointOf) } };
    case "sum": {
      const { dataPoints, aggregationTemporality, isMonotonic } = metric.sum;
      return { name, sum: { dataPoints: dataPoints.map(numberPointOf), aggregationTemporality, isMonotonic } };
    }
    // Distributions are only counted and rejected: their points are never read.
    case "histogram":
      return { name, histogram: { dataPoints: metric.histogram.dataPoints } };
    case "exponentialHistogram":
      return { name, exponentialHistogram: { dataPoints: metric.exponentialHistogram.dataPoints } };
    case "summary":
      return { name, summary: { dataPoints: metric.summary.dataPoints } };
    case undefined:
      return { name };
  }
}

/** Only the set member of the value oneof is passed on: an unset `asInt` would read as zero. */
function numberPointOf(point: PbNumberPoint): Record<string, unknown> {
  return {
    timeUnixNano: point.timeUnixNano,
    startTimeUnixNano: point.startTimeUnixNano,
    flags: point.flags,
    attributes: attributesOf(point.attributes),
    asDouble: point.value === "asDouble" ? point.asDouble : undefined,
    asInt: point.value === "asInt" ? point.asInt : undefined,
  };
}

const NO_ATTRIBUTES: OtlpKeyValue[] = [];

/** A key proto3 left unset is the empty string, as the decoder reads it; an unset value stays absent. */
function attributesOf(attributes: PbKeyValue[]): OtlpKeyValue[] {
  if (attributes.length === 0) return NO_ATTRIBUTES;
  return attributes.map(({ key, value }) => ({ key, value: value === null ? undefined : AnyValue.toObject(value, ATTRIBUTE_OPTIONS) }));
}
