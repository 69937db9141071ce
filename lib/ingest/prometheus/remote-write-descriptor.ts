import type { INamespace } from "protobufjs/light.js";

/**
 * Prometheus remote-write 1.0 `WriteRequest`, written from the field numbers of Prometheus'
 * `prompb/remote.proto` and `prompb/types.proto`: WriteRequest { timeseries = 1, metadata = 3 },
 * TimeSeries { labels = 1, samples = 2 }, Label { name = 1, value = 2 },
 * Sample { value = 1 (double), timestamp = 2 (int64 ms) },
 * MetricMetadata { type = 1, metric_family_name = 2, help = 4, unit = 5 }.
 * Exemplars (3) and native histograms (4) of a series are not declared, so they are skipped.
 *
 * The sample value is declared `fixed64` — the same 8 bytes on the wire as a double — so the
 * decoder sees its exact bits. The staleness marker is one particular NaN (0x7ff0000000000002),
 * and a NaN that passes through JavaScript numbers may be quieted or canonicalised on the way;
 * bits cannot be.
 */
export const REMOTE_WRITE_DESCRIPTOR: INamespace = {
  nested: {
    prometheus: {
      nested: {
        WriteRequest: {
          fields: {
            timeseries: { rule: "repeated", type: "TimeSeries", id: 1 },
            metadata: { rule: "repeated", type: "MetricMetadata", id: 3 },
          },
        },
        TimeSeries: {
          fields: { labels: { rule: "repeated", type: "Label", id: 1 }, samples: { rule: "repeated", type: "Sample", id: 2 } },
        },
        Label: { fields: { name: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
        Sample: { fields: { valueBits: { type: "fixed64", id: 1 }, timestamp: { type: "int64", id: 2 } } },
        MetricMetadata: { fields: { type: { type: "int32", id: 1 }, metricFamilyName: { type: "string", id: 2 } } },
      },
    },
  },
};

/** MetricMetadata.MetricType, by wire number. */
export const METRIC_TYPES = ["unknown", "counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset"] as const;
export type MetricType = (typeof METRIC_TYPES)[number];
