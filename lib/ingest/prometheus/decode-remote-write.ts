import { parsePath } from "@/lib/vsm/model/path";
import type { CumulativeMemory } from "../cumulative-rate";
import { clip, metricNameToKey } from "../indicator-key";
import { emptyCounts } from "../ingest-counts";
import { checkTime } from "../ingest-time";
import { labelFingerprint } from "../label-fingerprint";
import { reject, type Reject, type RejectCode } from "../reject";
import { settleRequest, type PendingPoint, type SettledRequest, type UnsettledRequest } from "../settle-points";
import { readWriteRequest, type RawSeries } from "./read-write-request";
import { METRIC_TYPES, type MetricType } from "./remote-write-descriptor";
import { sampleValue } from "./sample-value";
import { seriesKind, type SeriesKind } from "./series-kind";

/** The label that names the unit (docs/design.md §4); `__name__` names the indicator. */
export const UNIT_LABEL = "vsm_unit";

export interface RemoteWriteReadOptions {
  now: number;
  /** Metric family → type from metadata of earlier requests; this request's metadata is added. */
  metricTypes?: ReadonlyMap<string, MetricType>;
  maxBytes?: number;
}

export interface RemoteWriteOptions extends RemoteWriteReadOptions {
  /** Last points of counter series from earlier requests (see cumulative-rate.ts). */
  memory: CumulativeMemory;
}

export interface UnsettledRemoteWrite extends UnsettledRequest {
  /** Metadata this request carried (family → type), for the pipeline to keep for later requests. */
  metricTypes: Map<string, MetricType>;
}

export type RemoteWriteResult = SettledRequest & { metricTypes: Map<string, MetricType> };

/** `POST /api/v1/write`: Prometheus remote-write 1.0, the body as sent (snappy-compressed protobuf). */
export function decodeRemoteWrite(body: Uint8Array, options: RemoteWriteOptions): RemoteWriteResult {
  const request = readRemoteWrite(body, options);
  return { ...settleRequest(request, options.memory), metricTypes: request.metricTypes };
}

/** The first half of decodeRemoteWrite: everything but the counters' rates, which need their memory. */
export function readRemoteWrite(body: Uint8Array, options: RemoteWriteReadOptions): UnsettledRemoteWrite {
  const request = readWriteRequest(body, options.maxBytes);
  const metricTypes = new Map<string, MetricType>();
  for (const { type, metricFamilyName } of request.metadata) metricTypes.set(metricFamilyName, METRIC_TYPES[type] ?? "unknown");
  const types = new Map([...(options.metricTypes ?? []), ...metricTypes]);
  const counts = emptyCounts("prometheus");
  const rejects: Reject[] = [];
  const pending: PendingPoint[] = [];
  request.timeseries.forEach((series, s) => {
    const context = seriesContext(series, types);
    series.samples.forEach((sample, p) => {
      counts.points += 1;
      const at = `timeseries[${s}].samples[${p}]`;
      // Stale markers and NaN are "no value" whatever the series: never errors, never unassigned.
      const value = sampleValue(sample.low, sample.high);
      if (value.kind !== "number") {
        counts[value.kind] += 1;
        return;
      }
      if (!context.ok) {
        rejects.push(reject(at, context.code, context.reason, context.subject));
        return;
      }
      const time = checkTime(sample.timestamp, options.now);
      if (!time.ok) rejects.push(reject(at, "invalid_time", time.reason, context.subject));
      else if (!Number.isFinite(value.value)) rejects.push(reject(at, "invalid_value", "the value is infinite", context.subject));
      else {
        const point = {
          at,
          unitPath: context.subject.unitPath,
          indicatorKey: context.subject.indicatorKey,
          time: time.time,
          value: value.value,
        };
        pending.push(
          context.kind === "counter" ? { ...point, kind: "cumulative", seriesKey: context.seriesKey } : { ...point, kind: "gauge" },
        );
      }
    });
  });
  return { pending, rejects, counts, metricTypes };
}

type SeriesContext =
  | { ok: true; kind: "gauge" | "counter"; seriesKey: string; subject: { unitPath: string; indicatorKey: string } }
  | { ok: false; code: RejectCode; reason: string; subject: { unitPath?: string; indicatorKey?: string } };

/** What every sample of a series shares: its unit, indicator, kind and identity — or why it has none. */
function seriesContext(series: RawSeries, types: ReadonlyMap<string, MetricType>): SeriesContext {
  const labels: Record<string, string> = {};
  for (const { name, value } of series.labels) labels[name] = value;
  const name = labels.__name__ ?? "";
  const key = metricNameToKey(name);
  const indicator = key.ok ? { indicatorKey: key.key } : {};
  const unit = labels[UNIT_LABEL];
  if (unit === undefined || unit === "")
    return { ok: false, code: "missing_unit", reason: `the series has no ${UNIT_LABEL} label naming its unit`, subject: indicator };
  const path = parsePath(unit);
  if (!path.ok) return { ok: false, code: "invalid_unit", reason: `${UNIT_LABEL} "${clip(unit)}": ${path.reason}`, subject: indicator };
  if (!key.ok) {
    const reason = name === "" ? "the series has no __name__ label" : key.reason;
    return { ok: false, code: "invalid_indicator", reason, subject: { unitPath: unit } };
  }
  const subject = { unitPath: unit, indicatorKey: key.key };
  const kind: SeriesKind = seriesKind(name, labels, types);
  if (kind.kind === "unsupported") return { ok: false, code: "unsupported_metric", reason: kind.reason, subject };
  return { ok: true, kind: kind.kind, seriesKey: `prom:${labelFingerprint(labels)}`, subject };
}
