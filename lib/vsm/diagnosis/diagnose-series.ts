import { auditFinding } from "@/lib/vsm/diagnosis/audit-findings";
import { auditedIndicators } from "@/lib/vsm/diagnosis/audited-indicators";
import { coordinatedIndicators } from "@/lib/vsm/diagnosis/coordinated-indicators";
import { compareFindings } from "@/lib/vsm/diagnosis/diagnose";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { oscillationFindings, type SeriesOf } from "@/lib/vsm/diagnosis/oscillation-findings";
import type { SystemTree } from "@/lib/vsm/model/tree";
import { findSystem } from "@/lib/vsm/model/tree-queries";
import type { TimeWindow } from "@/lib/vsm/time-window";
import { HOUR, type Millis } from "@/lib/vsm/types";

/** How far back each judgement looks: enough cycles for S2, a day of spot checks for S3*. */
export interface SeriesWindows {
  readonly oscillation: Millis;
  readonly audit: Millis;
}

export const DEFAULT_SERIES_WINDOWS: SeriesWindows = { oscillation: 6 * HOUR, audit: 24 * HOUR };

/** One indicator's points the diagnosis needs, over [window.from, window.to) (the latest of them: lib/store/recent-points.ts). */
export interface SeriesRequest {
  readonly unit: string;
  readonly key: string;
  readonly window: TimeWindow;
}

const lastWindow = (now: Millis, length: Millis): TimeWindow => ({ from: now - length, to: now });

/**
 * The series diagnoseSeries will read, each once, over the longest window any judgement needs
 * (both windows end now, so the longer holds the shorter).
 */
export function seriesToRead(tree: SystemTree, now: Millis, windows: SeriesWindows = DEFAULT_SERIES_WINDOWS): SeriesRequest[] {
  const wanted = new Map<string, SeriesRequest>();
  const want = (unit: string, key: string, length: Millis) => {
    const id = `${unit}\n${key}`;
    const known = wanted.get(id);
    if (known === undefined || known.window.to - known.window.from < length) wanted.set(id, { unit, key, window: lastWindow(now, length) });
  };
  for (const group of coordinatedIndicators(tree)) for (const u of group.units) want(u.path, group.key, windows.oscillation);
  for (const { unit, reported, audit } of auditedIndicators(tree)) {
    want(unit.path, reported.key, windows.audit);
    want(unit.path, audit.key, windows.audit);
  }
  return [...wanted.values()];
}

export interface SeriesDiagnosisInput {
  readonly now: Millis;
  readonly seriesOf: SeriesOf;
  /** The unit's effective policy's `audit.tolerance` (docs/domain.md, "S5 policy"). */
  readonly auditTolerance: (unit: string) => number;
  readonly windows?: SeriesWindows;
}

/**
 * What the stored series say (docs/domain.md, "Diagnosis from the data"): S2 oscillation of
 * coordinated siblings over the oscillation window, and S3* audit drift over the audit window,
 * most urgent first like the structural findings.
 */
export function diagnoseSeries(tree: SystemTree, input: SeriesDiagnosisInput): Finding[] {
  const windows = input.windows ?? DEFAULT_SERIES_WINDOWS;
  const findings: Finding[] = [];
  const oscillation = lastWindow(input.now, windows.oscillation);
  for (const group of coordinatedIndicators(tree)) findings.push(...oscillationFindings(group, input.seriesOf, oscillation));
  const audit = lastWindow(input.now, windows.audit);
  for (const subject of auditedIndicators(tree)) {
    const holder = subject.unit.parent === null ? undefined : findSystem(tree, subject.unit.parent);
    const found = auditFinding(subject, holder, input.seriesOf, audit, input.auditTolerance(subject.unit.path));
    if (found) findings.push(found);
  }
  return findings.sort(compareFindings);
}
