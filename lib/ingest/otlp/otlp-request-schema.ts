import { z } from "zod";

/**
 * The structure of an ExportMetricsServiceRequest in OTLP/JSON — and of a protobuf body once
 * read-otlp-protobuf.ts has converted it. A body that does not have this structure is malformed
 * as a whole (the OpenTelemetry Collector answers 400 to it too). Data points and attribute values
 * are left as `unknown` here: a bad point is a reject of that point, read by read-number-point.ts.
 * Unknown fields are dropped, as the OTLP/JSON rules ask of receivers.
 */
const TEMPORALITY_NAMES = {
  AGGREGATION_TEMPORALITY_UNSPECIFIED: 0,
  AGGREGATION_TEMPORALITY_DELTA: 1,
  AGGREGATION_TEMPORALITY_CUMULATIVE: 2,
} as const;

/** OTLP/JSON sends enums as integers; proto3 JSON parsers also take the names, so we do. */
const temporality = z.union([
  z.number().int(),
  z.enum(Object.keys(TEMPORALITY_NAMES) as [keyof typeof TEMPORALITY_NAMES]).transform((name) => TEMPORALITY_NAMES[name]),
]);

const points = z.array(z.unknown()).default([]);
export const keyValueSchema = z.object({ key: z.string(), value: z.unknown().optional() });
const attributes = z.array(keyValueSchema).default([]);

const metricSchema = z.object({
  name: z.string().default(""),
  gauge: z.object({ dataPoints: points }).optional(),
  sum: z.object({ dataPoints: points, aggregationTemporality: temporality.default(0), isMonotonic: z.boolean().default(false) }).optional(),
  histogram: z.object({ dataPoints: points }).optional(),
  exponentialHistogram: z.object({ dataPoints: points }).optional(),
  summary: z.object({ dataPoints: points }).optional(),
});
export type OtlpMetric = z.infer<typeof metricSchema>;

const scopeMetricsSchema = z.object({
  scope: z.object({ name: z.string().default(""), version: z.string().default("") }).default({ name: "", version: "" }),
  metrics: z.array(metricSchema).default([]),
});
export type OtlpScopeMetrics = z.infer<typeof scopeMetricsSchema>;

const resourceMetricsSchema = z.object({
  resource: z.object({ attributes }).default({ attributes: [] }),
  scopeMetrics: z.array(scopeMetricsSchema).default([]),
});
export type OtlpResourceMetrics = z.infer<typeof resourceMetricsSchema>;

export const otlpRequestSchema = z.object({ resourceMetrics: z.array(resourceMetricsSchema).default([]) });
export type OtlpRequest = z.infer<typeof otlpRequestSchema>;
export type OtlpKeyValue = z.infer<typeof keyValueSchema>;

export const TEMPORALITY = { unspecified: 0, delta: 1, cumulative: 2 } as const;
