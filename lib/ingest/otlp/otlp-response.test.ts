import { JsonMetricsSerializer, ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { describe, expect, it } from "vitest";
import { reject } from "../reject";
import { encodeOtlpResponseJson, encodeOtlpResponseProtobuf, otlpPartialSuccess } from "./otlp-response";

const rejects = [
  reject(
    "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[0]",
    "missing_unit",
    "the resource has no vsm.unit attribute naming its unit",
  ),
  reject("resourceMetrics[0].scopeMetrics[0].metrics[1].dataPoints[0]", "unsupported_metric", "histogram points are not mapped"),
  reject(
    "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[1]",
    "missing_unit",
    "the resource has no vsm.unit attribute naming its unit",
  ),
];

describe("OTLP export response", () => {
  it("summarises rejects by code with the first place and reason of each", () => {
    expect(otlpPartialSuccess(rejects)).toEqual({
      rejectedDataPoints: 3,
      errorMessage:
        "3 data points rejected: 2 missing_unit (first at resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[0]: the resource has no vsm.unit attribute naming its unit); " +
        "1 unsupported_metric (first at resourceMetrics[0].scopeMetrics[0].metrics[1].dataPoints[0]: histogram points are not mapped)",
    });
    expect(otlpPartialSuccess([])).toBeNull();
    const long = otlpPartialSuccess([reject("x", "invalid_value", "y".repeat(5000))]);
    expect(long?.errorMessage).toHaveLength(1000);
  });

  it("encodes full success as {} and as zero protobuf bytes, which exporters read as success", () => {
    expect(encodeOtlpResponseJson(null)).toBe("{}");
    expect(encodeOtlpResponseProtobuf(null)).toHaveLength(0);
    expect(ProtobufMetricsSerializer.deserializeResponse(encodeOtlpResponseProtobuf(null))).toEqual({});
  });

  it("encodes partial success so the OpenTelemetry JS exporter reads it back", () => {
    const partial = otlpPartialSuccess(rejects)!;
    expect(ProtobufMetricsSerializer.deserializeResponse(encodeOtlpResponseProtobuf(partial))).toEqual({ partialSuccess: partial });
    const json = encodeOtlpResponseJson(partial);
    expect(JSON.parse(json)).toEqual({ partialSuccess: { rejectedDataPoints: "3", errorMessage: partial.errorMessage } });
    expect(JsonMetricsSerializer.deserializeResponse(new TextEncoder().encode(json))).toMatchObject({
      partialSuccess: { errorMessage: partial.errorMessage },
    });
  });
});
