import protobuf from "protobufjs/light.js";
import { decodingStep } from "../malformed-body";
import { OTLP_METRICS_DESCRIPTOR } from "./otlp-descriptor";

const root = protobuf.Root.fromJSON(OTLP_METRICS_DESCRIPTOR);
export const ExportMetricsServiceRequest = root.lookupType("otlp.ExportMetricsServiceRequest");
export const ExportMetricsServiceResponse = root.lookupType("otlp.ExportMetricsServiceResponse");

/**
 * An ExportMetricsServiceRequest in protobuf → the plain shape OTLP/JSON has, but for 64-bit
 * integers, which stay as protobufjs decodes them (otlp-int64.ts reads them exactly; a decimal
 * string per timestamp cost more than the rest of a point), bytes as base64, enums as numbers,
 * absent repeated fields as empty arrays. A truncated or garbled body becomes a MalformedBodyError.
 */
export function readOtlpProtobuf(bytes: Uint8Array): unknown {
  return decodingStep("OTLP protobuf body", () =>
    ExportMetricsServiceRequest.toObject(ExportMetricsServiceRequest.decode(bytes), {
      bytes: String,
      enums: Number,
      arrays: true,
    }),
  );
}
