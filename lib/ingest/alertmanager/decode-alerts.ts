import { parsePath } from "@/lib/vsm/model/path";
import { clip } from "../indicator-key";
import { emptyCounts, type IngestCounts } from "../ingest-counts";
import { labelFingerprint } from "../label-fingerprint";
import { MalformedBodyError } from "../malformed-body";
import { reject, type Reject } from "../reject";
import { postableAlertTypesSchema, type PostableAlert } from "./postable-alert-schema";

/** The label that names the unit whose S1 the alert becomes a signal of (docs/design.md §4). */
export const UNIT_LABEL = "vsm_unit";
/** Alertmanager's default `resolve_timeout`: an alert sent without endsAt ends this long after it was received, unless re-sent. */
export const RESOLVE_TIMEOUT_MS = 5 * 60_000;

export interface ExternalAlertEvent {
  unitPath: string;
  /** `labels.alertname`; Alertmanager does not require it. */
  name: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
  endsAt: number;
  /** endsAt was not sent and is now + resolve timeout, as Alertmanager does. */
  endsAtDefaulted: boolean;
  generatorURL: string | null;
  /** Alertmanager's own fingerprint of the label set: the alert's identity across re-sends. */
  fingerprint: string;
  resolved: boolean;
}

export interface AlertsResult {
  events: ExternalAlertEvent[];
  rejects: Reject[];
  /** `observations` counts events; `superseded` alerts repeated in one body (last wins). */
  counts: IngestCounts;
  /**
   * The status Alertmanager would answer: 400 when an alert failed its own validation (empty
   * labels, bad label names, start after end) — the valid ones are still taken, as Alertmanager
   * does — else 200. Unknown or missing units are not Alertmanager errors: 200, counted unassigned.
   */
  status: 200 | 400;
}

/** Legacy Prometheus label names, which Alertmanager 0.25 validates against. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * `POST /api/v2/alerts`, the JSON body parsed by the route. Whole-body failures mirror
 * Alertmanager's: not an array, or values of the wrong type → 400; an alert without `labels` → 422.
 */
export function decodeAlerts(body: unknown, options: { now: number; resolveTimeoutMs?: number }): AlertsResult {
  const alerts = parseAlerts(body);
  const counts = emptyCounts("alertmanager");
  counts.points = alerts.length;
  const rejects: Reject[] = [];
  const byFingerprint = new Map<string, ExternalAlertEvent>();
  let status: 200 | 400 = 200;
  alerts.forEach((alert, index) => {
    const at = `alerts[${index}]`;
    const labels = alert.labels ?? {};
    const problem = validationProblem(alert, labels);
    if (problem !== null) {
      status = 400;
      rejects.push(reject(at, "invalid_alert", problem));
      return;
    }
    const unit = labels[UNIT_LABEL];
    const name = labels.alertname ?? null;
    const about = name === null ? "the alert" : `alert ${clip(name)}`;
    if (unit === undefined || unit === "") {
      rejects.push(reject(at, "missing_unit", `${about} has no ${UNIT_LABEL} label naming its unit`));
      return;
    }
    const path = parsePath(unit);
    if (!path.ok) {
      rejects.push(reject(at, "invalid_unit", `${about}: ${UNIT_LABEL} "${clip(unit)}": ${path.reason}`));
      return;
    }
    const event = toEvent(alert, labels, unit, options);
    if (byFingerprint.delete(event.fingerprint)) counts.superseded += 1;
    byFingerprint.set(event.fingerprint, event);
  });
  const events = [...byFingerprint.values()];
  counts.observations = events.length;
  counts.rejected = rejects.length;
  return { events, rejects, counts, status };
}

function parseAlerts(body: unknown): PostableAlert[] {
  // Go decodes JSON null into an empty slice; Alertmanager answers 200 to it.
  if (body === null) return [];
  if (!Array.isArray(body)) throw new MalformedBodyError("expected a JSON array of alerts");
  const parsed = body.map((item) => postableAlertTypesSchema.safeParse(item));
  const typeErrors = parsed.flatMap((result, index) =>
    result.success
      ? []
      : result.error.issues.map((issue) => ({ path: [`alerts[${index}]`, ...issue.path.map(String)].join("."), message: issue.message })),
  );
  if (typeErrors.length > 0) throw new MalformedBodyError("alerts body has values of the wrong type", { details: typeErrors.slice(0, 20) });
  const alerts = parsed.map((result) => result.data!);
  const missing = alerts.flatMap((alert, index) =>
    alert.labels === undefined ? [{ path: `alerts[${index}].labels`, message: "labels is required" }] : [],
  );
  if (missing.length > 0)
    throw new MalformedBodyError(`${missing[0]!.path} in body is required`, { code: "validation_failed", details: missing.slice(0, 20) });
  return alerts;
}

/** Alertmanager's own per-alert checks, with its messages. */
function validationProblem(alert: PostableAlert, labels: Record<string, string>): string | null {
  const names = Object.keys(labels);
  if (names.length === 0) return "at least one label pair required";
  const badLabel = names.find((name) => !LABEL_NAME.test(name));
  if (badLabel !== undefined) return `invalid label set: invalid name "${clip(badLabel)}"`;
  const badAnnotation = Object.keys(alert.annotations ?? {}).find((name) => !LABEL_NAME.test(name));
  if (badAnnotation !== undefined) return `invalid annotations: invalid name "${clip(badAnnotation)}"`;
  // Go strings may hold any bytes; a database text value may not hold NUL or half a UTF-16 pair.
  const badText = [...Object.entries(labels), ...Object.entries(alert.annotations ?? {})].find(([, value]) => !isStorableText(value));
  if (badText !== undefined) return `invalid label set: the value of "${clip(badText[0])}" is not valid text`;
  if (alert.generatorURL !== undefined && !isStorableText(alert.generatorURL)) return "invalid generatorURL: not valid text";
  if (alert.startsAt !== undefined && alert.endsAt !== undefined && alert.endsAt < alert.startsAt)
    return "start time must be before end time";
  return null;
}

/** Well-formed UTF-16 (no lone surrogate) without NUL: text PostgreSQL can store. */
function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

function toEvent(
  alert: PostableAlert,
  labels: Record<string, string>,
  unitPath: string,
  options: { now: number; resolveTimeoutMs?: number },
): ExternalAlertEvent {
  const { now, resolveTimeoutMs = RESOLVE_TIMEOUT_MS } = options;
  // Alertmanager: no start → the end if there is one, else now; no end → now + resolve timeout.
  const startsAt = alert.startsAt ?? alert.endsAt ?? now;
  const endsAt = alert.endsAt ?? now + resolveTimeoutMs;
  return {
    unitPath,
    name: labels.alertname ?? null,
    labels,
    annotations: alert.annotations ?? {},
    startsAt,
    endsAt,
    endsAtDefaulted: alert.endsAt === undefined,
    generatorURL: alert.generatorURL ?? null,
    fingerprint: labelFingerprint(labels),
    resolved: endsAt <= now,
  };
}
