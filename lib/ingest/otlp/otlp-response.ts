import type { Reject } from "../reject";
import { ExportMetricsServiceResponse } from "./read-otlp-protobuf";

/**
 * The answer to an OTLP export: ExportMetricsServiceResponse, empty when every point was taken,
 * with `partialSuccess { rejectedDataPoints, errorMessage }` when some were not (OTLP/HTTP: the
 * status stays 200, so the exporter does not retry points that would fail again). Pass the final
 * rejects — the decoder's plus the pipeline's unknown units and indicators.
 */
export interface OtlpPartialSuccess {
  rejectedDataPoints: number;
  errorMessage: string;
}

const MAX_MESSAGE = 1000;

export function otlpPartialSuccess(rejects: readonly Reject[]): OtlpPartialSuccess | null {
  if (rejects.length === 0) return null;
  const byCode = new Map<string, { count: number; first: Reject }>();
  for (const entry of rejects) {
    const seen = byCode.get(entry.code);
    if (seen === undefined) byCode.set(entry.code, { count: 1, first: entry });
    else seen.count += 1;
  }
  const parts = [...byCode.entries()].map(([code, { count, first }]) => `${count} ${code} (first at ${first.at}: ${first.message})`);
  const message = `${rejects.length} data point${rejects.length === 1 ? "" : "s"} rejected: ${parts.join("; ")}`;
  return {
    rejectedDataPoints: rejects.length,
    errorMessage: message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`,
  };
}

/** OTLP/JSON: int64 as a decimal string (proto3 JSON); `{}` means full success. */
export function encodeOtlpResponseJson(partial: OtlpPartialSuccess | null): string {
  if (partial === null) return "{}";
  return JSON.stringify({ partialSuccess: { rejectedDataPoints: String(partial.rejectedDataPoints), errorMessage: partial.errorMessage } });
}

/** OTLP/protobuf: an empty message (zero bytes) means full success. */
export function encodeOtlpResponseProtobuf(partial: OtlpPartialSuccess | null): Uint8Array {
  const message = partial === null ? {} : { partialSuccess: partial };
  return ExportMetricsServiceResponse.encode(ExportMetricsServiceResponse.fromObject(message)).finish();
}
