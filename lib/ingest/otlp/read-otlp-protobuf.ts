import protobuf from "protobufjs/light.js";
import { decodingStep } from "../malformed-body";
import { OTLP_METRICS_DESCRIPTOR } from "./otlp-descriptor";

const root = protobuf.Root.fromJSON(OTLP_METRICS_DESCRIPTOR);
export const ExportMetricsServiceRequest = root.lookupType("otlp.ExportMetricsServiceRequest");
export const ExportMetricsServiceResponse = root.lookupType("otlp.ExportMetricsServiceResponse");

/**
 * An ExportMetricsServiceRequest in protobuf → the same plain shape OTLP/JSON has: 64-bit integers
 * as decimal strings (`longs: String`, exact beyond 2^53), bytes as base64, enums as numbers,
 * absent repeated fields as empty arrays. A truncated or garbled body becomes a MalformedBodyError.
 */
export function readOtlpProtobuf(bytes: Uint8Array): unknown {
  return decodingStep("OTLP protobuf body", () =>
    ExportMetricsServiceRequest.toObject(ExportMetricsServiceRequest.decode(bytes), {
      longs: String,
      bytes: String,
      enums: Number,
      arrays: true,
    }),
  );
}
