/**
 * Why a point did not become an observation. The class tells the route and the pipeline what to do:
 * `invalid` data is the sender's fault, `unsupported` data is valid but not something we map, and
 * `unassigned` data is valid but names no unit or indicator we know — it is counted per source in
 * the unassigned bucket (docs/design.md §4), never silently dropped.
 */
export const REJECT_CLASS = {
  invalid_item: "invalid",
  invalid_unit: "invalid",
  invalid_indicator: "invalid",
  invalid_time: "invalid",
  invalid_value: "invalid",
  invalid_interval: "invalid",
  invalid_alert: "invalid",
  unsupported_metric: "unsupported",
  missing_unit: "unassigned",
  unknown_unit: "unassigned",
  unknown_indicator: "unassigned",
} as const;

export type RejectCode = keyof typeof REJECT_CLASS;
export type RejectClass = (typeof REJECT_CLASS)[RejectCode];

export interface Reject {
  /** Where in the request: `observations[3]`, `resourceMetrics[0].scopeMetrics[1].metrics[2].dataPoints[4]`, `timeseries[7].samples[0]`, `alerts[2]`. */
  at: string;
  code: RejectCode;
  message: string;
  unitPath?: string;
  indicatorKey?: string;
}

export function classOf(code: RejectCode): RejectClass {
  return REJECT_CLASS[code];
}

/** Builds a reject, leaving out the unit and indicator when they are not known (exactOptionalPropertyTypes-friendly). */
export function reject(at: string, code: RejectCode, message: string, subject: { unitPath?: string; indicatorKey?: string } = {}): Reject {
  return {
    at,
    code,
    message,
    ...(subject.unitPath === undefined ? {} : { unitPath: subject.unitPath }),
    ...(subject.indicatorKey === undefined ? {} : { indicatorKey: subject.indicatorKey }),
  };
}
