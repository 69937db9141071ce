import { parsePath } from "@/lib/vsm/model/path";
import type { CumulativeMemory } from "../cumulative-rate";
import { clip, metricNameToKey, type KeyMapping } from "../indicator-key";
import { emptyCounts } from "../ingest-counts";
import { labelFingerprint } from "../label-fingerprint";
import { MalformedBodyError } from "../malformed-body";
import { reject, type Reject, type RejectCode } from "../reject";
import { settleRequest, type PendingPoint, type SettledRequest, type UnsettledRequest } from "../settle-points";
import { metricKind, type MetricKind } from "./metric-kind";
import { canonicalAttributes, stringAttribute } from "./otlp-attributes";
import {
  otlpRequestSchema,
  type OtlpKeyValue,
  type OtlpRequest,
  type OtlpResourceMetrics,
  type OtlpScopeMetrics,
} from "./otlp-request-schema";
import { readNumberPoint } from "./read-number-point";
import { readOtlpProtobuf } from "./read-otlp-protobuf";

/** The resource attribute that names the unit (docs/design.md §4). */
export const UNIT_ATTRIBUTE = "vsm.unit";

export interface OtlpOptions {
  now: number;
  /** Last points of cumulative series from earlier requests (see cumulative-rate.ts). */
  memory: CumulativeMemory;
}

export type OtlpResult = SettledRequest;

/** `POST /api/otlp/v1/metrics` with `Content-Type: application/x-protobuf` (gunzipped by the route). */
export function decodeOtlpProtobuf(bytes: Uint8Array, options: OtlpOptions): OtlpResult {
  return settleRequest(mapOtlpRequest(readOtlpProtobuf(bytes), options.now), options.memory);
}

/** `POST /api/otlp/v1/metrics` with `Content-Type: application/json`, parsed by the route. */
export function decodeOtlpJson(body: unknown, options: OtlpOptions): OtlpResult {
  return settleRequest(readOtlpMetrics(body, options.now), options.memory);
}

/**
 * The first half of decoding OTLP/JSON: the parsed body checked against the request's structure
 * and mapped to points, with the cumulative ones still waiting for their memory.
 */
export function readOtlpMetrics(body: unknown, now: number): UnsettledRequest {
  const parsed = otlpRequestSchema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    throw new MalformedBodyError("not an OTLP ExportMetricsServiceRequest", { details });
  }
  return mapOtlpRequest(parsed.data, now);
}

/** A request of the checked structure (OTLP/JSON through the schema, protobuf from readOtlpProtobuf) mapped to points. */
export function mapOtlpRequest(request: OtlpRequest, now: number): UnsettledRequest {
  const counts = emptyCounts("otlp");
  const rejects: Reject[] = [];
  const pending: PendingPoint[] = [];
  // Counted loops rather than forEach or entries(): nothing made per metric of every export but its context.
  for (let r = 0; r < request.resourceMetrics.length; r++) {
    const resourceMetrics = request.resourceMetrics[r]!;
    const unit = unitOf(resourceMetrics);
    const resource = canonicalAttributes(resourceMetrics.resource.attributes);
    for (let s = 0; s < resourceMetrics.scopeMetrics.length; s++) {
      const scope = resourceMetrics.scopeMetrics[s]!;
      for (let m = 0; m < scope.metrics.length; m++) {
        const metric = scope.metrics[m]!;
        const kind = metricKind(metric);
        const context: MetricContext = { unit, key: metricNameToKey(metric.name), kind, name: metric.name, scope, resource };
        for (let p = 0; p < kind.points.length; p++) {
          counts.points += 1;
          const outcome = mapPoint(kind.points[p], `resourceMetrics[${r}].scopeMetrics[${s}].metrics[${m}].dataPoints[${p}]`, context, now);
          if (outcome.kind === "pending") pending.push(outcome.point);
          else if (outcome.kind === "reject") rejects.push(outcome.reject);
          else counts[outcome.kind] += 1;
        }
      }
    }
  }
  counts.rejected = rejects.length;
  return { pending, rejects, counts };
}

/** What the points of one metric share. No closures: this is made for every metric of every export. */
interface MetricContext {
  unit: UnitOf;
  key: KeyMapping;
  kind: MetricKind;
  /** The metric's name, scope and resource attributes: with a point's attributes, its series (seriesKeyOf). */
  name: string;
  scope: OtlpScopeMetrics;
  resource: Record<string, string>;
}

type Outcome = { kind: "pending"; point: PendingPoint } | { kind: "reject"; reject: Reject } | { kind: "stale" | "nan" };

/**
 * One data point. Points without a value (NoRecordedValue, NaN) are counted first, whatever their
 * unit: they are normal and neither errors nor unassigned data. Then the unit, the metric's name
 * and kind, and the point's own time and value.
 */
function mapPoint(raw: unknown, at: string, context: MetricContext, now: number): Outcome {
  const { unit, key, kind } = context;
  if (kind.kind === "unsupported") {
    const assigned = assign(at, unit, key);
    return { kind: "reject", reject: assigned.ok ? reject(at, "unsupported_metric", kind.reason, assigned.subject) : assigned.reject };
  }
  const point = readNumberPoint(raw, now);
  if (point.kind === "stale" || point.kind === "nan") return { kind: point.kind };
  const assigned = assign(at, unit, key);
  if (!assigned.ok) return { kind: "reject", reject: assigned.reject };
  if (point.kind === "invalid") return { kind: "reject", reject: reject(at, point.code, point.reason, assigned.subject) };
  const read: ReadPoint = {
    at,
    unitPath: assigned.subject.unitPath,
    indicatorKey: assigned.subject.indicatorKey,
    time: point.time,
    value: point.value,
    start: point.start,
  };
  const next = pendingPoint(kind, read, context, point.attributes);
  return "code" in next
    ? { kind: "reject", reject: reject(at, next.code, next.reason, assigned.subject) }
    : { kind: "pending", point: next };
}

type Assigned = { ok: true; subject: { unitPath: string; indicatorKey: string } } | { ok: false; reject: Reject };

/** The point's unit and indicator, or the reject that says which of them is missing or wrong. */
function assign(at: string, unit: UnitOf, key: KeyMapping): Assigned {
  const indicator = key.ok ? { indicatorKey: key.key } : {};
  if (!unit.ok) return { ok: false, reject: reject(at, unit.code, unit.reason, indicator) };
  if (!key.ok) return { ok: false, reject: reject(at, "invalid_indicator", key.reason, { unitPath: unit.path }) };
  return { ok: true, subject: { unitPath: unit.path, indicatorKey: key.key } };
}

type UnitOf = { ok: true; path: string } | { ok: false; code: RejectCode; reason: string };

function unitOf(resourceMetrics: OtlpResourceMetrics): UnitOf {
  const attribute = stringAttribute(resourceMetrics.resource.attributes, UNIT_ATTRIBUTE);
  if (!attribute.found)
    return { ok: false, code: "missing_unit", reason: `the resource has no ${UNIT_ATTRIBUTE} attribute naming its unit` };
  if (attribute.value === null) return { ok: false, code: "invalid_unit", reason: `${UNIT_ATTRIBUTE} must be a string attribute` };
  const parsed = parsePath(attribute.value);
  if (!parsed.ok) return { ok: false, code: "invalid_unit", reason: `${UNIT_ATTRIBUTE} "${clip(attribute.value)}": ${parsed.reason}` };
  return { ok: true, path: attribute.value };
}

interface ReadPoint {
  at: string;
  unitPath: string;
  indicatorKey: string;
  time: number;
  value: number;
  start: number | undefined;
}

function pendingPoint(
  kind: Exclude<MetricKind, { kind: "unsupported" }>,
  point: ReadPoint,
  context: MetricContext,
  attributes: OtlpKeyValue[],
): PendingPoint | { code: RejectCode; reason: string } {
  // Object literals rather than spreads: this runs for every point of every export.
  const { at, unitPath, indicatorKey, time, value, start } = point;
  switch (kind.kind) {
    case "gauge":
    case "level":
      return { at, unitPath, indicatorKey, time, value, kind: "gauge" };
    case "cumulative": {
      // Only a cumulative point needs its series: the fingerprint is worked out for those alone.
      const series = seriesKeyOf(context.name, context.scope, context.resource, canonicalAttributes(attributes));
      return start === undefined
        ? { at, unitPath, indicatorKey, time, value, kind: "cumulative", seriesKey: series }
        : { at, unitPath, indicatorKey, time, value, kind: "cumulative", seriesKey: series, start };
    }
    case "delta": {
      if (value < 0) return { code: "invalid_value", reason: "a monotonic delta sum cannot be negative" };
      if (start === undefined || start >= time)
        return { code: "invalid_interval", reason: "a delta sum needs a startTimeUnixNano at least 1 ms before timeUnixNano" };
      const rate = value / ((time - start) / 1000);
      return Number.isFinite(rate)
        ? { at, unitPath, indicatorKey, time, value: rate, kind: "rate" }
        : { code: "invalid_value", reason: "the rate is beyond the range of a number" };
    }
  }
}

/**
 * A series is its metric, scope, resource and point attributes (the OTLP data model), so two
 * instances of one unit, or two attribute sets of one metric, keep separate counters.
 */
function seriesKeyOf(name: string, scope: OtlpScopeMetrics, resource: Record<string, string>, attributes: Record<string, string>): string {
  const labels: Record<string, string> = { "\u0000metric": name, "\u0000scope": `${scope.scope.name}@${scope.scope.version}` };
  for (const [key, value] of Object.entries(resource)) labels[`\u0000resource:${key}`] = value;
  for (const [key, value] of Object.entries(attributes)) labels[key] = value;
  return `otlp:${labelFingerprint(labels)}`;
}
