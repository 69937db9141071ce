import { ValueType, type Attributes, type HrTime } from "@opentelemetry/api";
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { AggregationTemporality, DataPointType, type MetricData, type ResourceMetrics } from "@opentelemetry/sdk-metrics";

/**
 * Test fixtures: OTLP request bodies made by OpenTelemetry JS' own serializers (the code an
 * unmodified OTel exporter runs), from SDK metric data with fixed times and values, so tests
 * decode real encodings with real numbers.
 */
export const T0_SECONDS = 1_714_564_800; // 2024-05-01T12:00:00Z
export const T0 = T0_SECONDS * 1000;

export const at = (seconds: number, nanos = 0): HrTime => [T0_SECONDS + seconds, nanos];

interface PointSpec {
  start?: HrTime;
  end: HrTime;
  value: number;
  attributes?: Attributes;
}

const descriptor = (name: string, valueType = ValueType.DOUBLE) => ({ name, description: "", unit: "", valueType });
const points = (specs: readonly PointSpec[]) =>
  specs.map(({ start = at(-3600), end, value, attributes = {} }) => ({ startTime: start, endTime: end, value, attributes }));

export function gauge(name: string, specs: readonly PointSpec[]): MetricData {
  return {
    descriptor: descriptor(name),
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.GAUGE,
    dataPoints: points(specs),
  };
}

export function sum(
  name: string,
  temporality: "cumulative" | "delta",
  isMonotonic: boolean,
  specs: readonly PointSpec[],
  valueType = ValueType.INT,
): MetricData {
  return {
    descriptor: descriptor(name, valueType),
    aggregationTemporality: temporality === "cumulative" ? AggregationTemporality.CUMULATIVE : AggregationTemporality.DELTA,
    dataPointType: DataPointType.SUM,
    isMonotonic,
    dataPoints: points(specs),
  };
}

export function histogram(name: string, end: HrTime): MetricData {
  const value = { buckets: { boundaries: [10, 100], counts: [1, 2, 0] }, sum: 130, count: 3, min: 5, max: 80 };
  return {
    descriptor: descriptor(name),
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.HISTOGRAM,
    dataPoints: [{ startTime: at(-3600), endTime: end, attributes: {}, value }],
  };
}

export function resourceMetrics(
  resource: Attributes,
  metrics: MetricData[],
  scope = { name: "vsm-tests", version: "1.0.0" },
): ResourceMetrics {
  return { resource: resourceFromAttributes(resource), scopeMetrics: [{ scope, metrics }] };
}

export function protobufBody(metrics: ResourceMetrics): Uint8Array {
  return ProtobufMetricsSerializer.serializeRequest(metrics)!;
}

export function jsonBody(metrics: ResourceMetrics): unknown {
  return JSON.parse(new TextDecoder().decode(JsonMetricsSerializer.serializeRequest(metrics)!));
}
