import protobuf from "protobufjs/light.js";
import { compress } from "snappyjs";

/**
 * Test fixtures: remote-write bodies built the way Prometheus builds them — a WriteRequest in
 * protobuf, snappy block-compressed. This descriptor is the specification's view (the sample value
 * a double), independent of the decoder's, which reads the same 8 bytes as fixed64.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    WriteRequest: {
      fields: {
        timeseries: { rule: "repeated", type: "TimeSeries", id: 1 },
        metadata: { rule: "repeated", type: "MetricMetadata", id: 3 },
      },
    },
    TimeSeries: { fields: { labels: { rule: "repeated", type: "Label", id: 1 }, samples: { rule: "repeated", type: "Sample", id: 2 } } },
    Label: { fields: { name: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
    Sample: { fields: { value: { type: "double", id: 1 }, timestamp: { type: "int64", id: 2 } } },
    MetricMetadata: {
      fields: { type: { type: "int32", id: 1 }, metricFamilyName: { type: "string", id: 2 }, help: { type: "string", id: 4 } },
    },
  },
});
const WriteRequest = root.lookupType("WriteRequest");

export interface SeriesSpec {
  labels: Record<string, string>;
  samples: { value: number; timestamp: number }[];
}

export function writeRequestBytes(
  timeseries: readonly SeriesSpec[],
  metadata: readonly { type: number; metricFamilyName: string }[] = [],
): Uint8Array {
  const message = {
    timeseries: timeseries.map(({ labels, samples }) => ({
      labels: Object.entries(labels).map(([name, value]) => ({ name, value })),
      samples,
    })),
    metadata,
  };
  return WriteRequest.encode(WriteRequest.fromObject(message)).finish();
}

export function writeRequestBody(
  timeseries: readonly SeriesSpec[],
  metadata: readonly { type: number; metricFamilyName: string }[] = [],
): Uint8Array {
  return compress(writeRequestBytes(timeseries, metadata));
}
