import protobuf from "protobufjs/light.js";
import { decodingStep } from "../malformed-body";
import { REMOTE_WRITE_DESCRIPTOR } from "./remote-write-descriptor";
import { uncompressSnappyBlock } from "./snappy-block";

export const WriteRequest = protobuf.Root.fromJSON(REMOTE_WRITE_DESCRIPTOR).lookupType("prometheus.WriteRequest");

/** Far above what Prometheus sends (≈500 samples, tens of KiB), low enough that a snappy header cannot make us allocate gigabytes. */
export const MAX_UNCOMPRESSED_BYTES = 32 * 1024 * 1024;

export interface RawSample {
  /** The value's 64 bits as unsigned 32-bit halves; see sample-value.ts. */
  low: number;
  high: number;
  /** Epoch ms; may be unsafe or negative, the decoder checks it. */
  timestamp: number;
}

export interface RawSeries {
  labels: { name: string; value: string }[];
  samples: RawSample[];
}

export interface RawWriteRequest {
  timeseries: RawSeries[];
  metadata: { type: number; metricFamilyName: string }[];
}

/** 64-bit fields as protobufjs decodes them: a Long when long.js is present (a dependency of protobufjs), else a number. */
type Int64 = number | { low: number; high: number; toNumber(): number };

interface DecodedWriteRequest {
  timeseries: { labels: { name: string; value: string }[]; samples: { valueBits: Int64; timestamp: Int64 }[] }[];
  metadata: { type: number; metricFamilyName: string }[];
}

/**
 * A remote-write body (snappy block format, as `Content-Encoding: snappy` says) → plain series.
 * A body that declares more than `maxBytes` once expanded is refused before any of it is expanded
 * (413). Broken snappy and truncated or garbled protobuf become a MalformedBodyError: Prometheus
 * drops a batch answered 400 instead of retrying it forever.
 */
export function readWriteRequest(body: Uint8Array, maxBytes = MAX_UNCOMPRESSED_BYTES): RawWriteRequest {
  const bytes = uncompressSnappyBlock(body, maxBytes);
  const decoded = decodingStep("remote-write protobuf body", () => WriteRequest.decode(bytes)) as unknown as DecodedWriteRequest;
  return {
    timeseries: decoded.timeseries.map((series) => ({
      labels: series.labels.map(({ name, value }) => ({ name, value })),
      samples: series.samples.map(({ valueBits, timestamp }) => ({ ...halves(valueBits), timestamp: toNumber(timestamp) })),
    })),
    metadata: decoded.metadata.map(({ type, metricFamilyName }) => ({ type, metricFamilyName })),
  };
}

function halves(bits: Int64): { low: number; high: number } {
  if (typeof bits !== "number") return { low: bits.low, high: bits.high };
  // Without long.js protobufjs gives a lossy number; the halves of its integer are the best left.
  return { low: (bits % 2 ** 32) >>> 0, high: Math.floor(bits / 2 ** 32) >>> 0 };
}

function toNumber(value: Int64): number {
  return typeof value === "number" ? value : value.toNumber();
}
