import type { INamespace } from "protobufjs/light.js";

/**
 * The OTLP metrics messages we read, as a protobufjs JSON descriptor written from the field
 * numbers in the OTLP specification (opentelemetry-proto `metrics/v1/metrics.proto`,
 * `common/v1/common.proto`, `resource/v1/resource.proto`, `collector/metrics/v1/metrics_service.proto`).
 * Only what the mapping reads is declared; protobuf skips every other field, so newer senders and
 * fields we ignore (exemplars, descriptions, units, schema URLs) decode fine.
 *
 * Field names are the lowerCamelCase of OTLP/JSON, so a decoded protobuf body converted with
 * `toObject` has the same shape as an OTLP/JSON body (64-bit integers aside, read by
 * otlp-int64.ts) and one mapper reads both.
 * The aggregation temporality is declared as int32 (its wire form) because OTLP/JSON sends enums as
 * integers too. Histogram, exponential histogram and summary points are declared without fields:
 * they are only counted, to reject them by number.
 */
const repeated = (type: string, id: number) => ({ rule: "repeated", type, id });
const field = (type: string, id: number) => ({ type, id });
const opaque = { fields: {} };

export const OTLP_METRICS_DESCRIPTOR: INamespace = {
  nested: {
    otlp: {
      nested: {
        ExportMetricsServiceRequest: { fields: { resourceMetrics: repeated("ResourceMetrics", 1) } },
        ExportMetricsServiceResponse: { fields: { partialSuccess: field("ExportMetricsPartialSuccess", 1) } },
        ExportMetricsPartialSuccess: { fields: { rejectedDataPoints: field("int64", 1), errorMessage: field("string", 2) } },
        ResourceMetrics: { fields: { resource: field("Resource", 1), scopeMetrics: repeated("ScopeMetrics", 2) } },
        Resource: { fields: { attributes: repeated("KeyValue", 1) } },
        ScopeMetrics: { fields: { scope: field("InstrumentationScope", 1), metrics: repeated("Metric", 2) } },
        InstrumentationScope: { fields: { name: field("string", 1), version: field("string", 2) } },
        Metric: {
          oneofs: { data: { oneof: ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] } },
          fields: {
            name: field("string", 1),
            gauge: field("Gauge", 5),
            sum: field("Sum", 7),
            histogram: field("Histogram", 9),
            exponentialHistogram: field("ExponentialHistogram", 10),
            summary: field("Summary", 11),
          },
        },
        Gauge: { fields: { dataPoints: repeated("NumberDataPoint", 1) } },
        Sum: {
          fields: { dataPoints: repeated("NumberDataPoint", 1), aggregationTemporality: field("int32", 2), isMonotonic: field("bool", 3) },
        },
        Histogram: { fields: { dataPoints: repeated("OpaquePoint", 1), aggregationTemporality: field("int32", 2) } },
        ExponentialHistogram: { fields: { dataPoints: repeated("OpaquePoint", 1), aggregationTemporality: field("int32", 2) } },
        Summary: { fields: { dataPoints: repeated("OpaquePoint", 1) } },
        OpaquePoint: opaque,
        NumberDataPoint: {
          oneofs: { value: { oneof: ["asDouble", "asInt"] } },
          fields: {
            startTimeUnixNano: field("fixed64", 2),
            timeUnixNano: field("fixed64", 3),
            asDouble: field("double", 4),
            asInt: field("sfixed64", 6),
            attributes: repeated("KeyValue", 7),
            flags: field("uint32", 8),
          },
        },
        KeyValue: { fields: { key: field("string", 1), value: field("AnyValue", 2) } },
        AnyValue: {
          oneofs: { value: { oneof: ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"] } },
          fields: {
            stringValue: field("string", 1),
            boolValue: field("bool", 2),
            intValue: field("int64", 3),
            doubleValue: field("double", 4),
            arrayValue: field("ArrayValue", 5),
            kvlistValue: field("KeyValueList", 6),
            bytesValue: field("bytes", 7),
          },
        },
        ArrayValue: { fields: { values: repeated("AnyValue", 1) } },
        KeyValueList: { fields: { values: repeated("KeyValue", 1) } },
      },
    },
  },
};
