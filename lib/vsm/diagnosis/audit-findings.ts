import { auditDrift } from "@/lib/vsm/audit/audit-drift";
import type { AuditedIndicator } from "@/lib/vsm/diagnosis/audited-indicators";
import { describeShare, describeValue } from "@/lib/vsm/diagnosis/describe-measure";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { SeriesOf } from "@/lib/vsm/diagnosis/oscillation-findings";
import type { ViableSystem } from "@/lib/vsm/model/system";
import type { TimeWindow } from "@/lib/vsm/time-window";

/**
 * S3* drift of one audited indicator within the window: the unit's recent points against those of
 * its audit series, paired by time (lib/vsm/audit), beyond the unit's audit tolerance. `holder` is
 * the system whose S3* audits the unit — its parent, where the finding belongs; a root audits
 * itself. Null without drift or without paired data.
 */
export function auditFinding(
  subject: AuditedIndicator,
  holder: ViableSystem | undefined,
  seriesOf: SeriesOf,
  window: TimeWindow,
  tolerance: number,
): Finding | null {
  const { unit, reported, audit } = subject;
  const drift = auditDrift({
    unit: unit.path,
    indicator: reported.key,
    reported: seriesOf(unit.path, reported.key),
    audited: seriesOf(unit.path, audit.key),
    window,
    tolerance,
  });
  if (drift === null) return null;
  const at = holder ?? unit;
  const verb = drift.direction === "over-reported" ? "over-reports" : "under-reports";
  const means = `${describeValue(drift.reportedMean, reported.unit)} reported against ${describeValue(drift.auditedMean, audit.unit)} audited, over ${drift.samples} paired points`;
  const by = drift.magnitude === null ? `where its audit series "${audit.key}" reads 0` : `by ${describeShare(drift.magnitude)}`;
  return {
    rule: "audit-drift",
    severity: "warning",
    level: at.level,
    path: at.path,
    unit: unit.path,
    indicator: reported.key,
    message: `"${unit.path}" ${verb} "${reported.key}" ${by}: ${means} (tolerance ${describeShare(tolerance)}).`,
    hint: `S3* of "${at.path}": find out why "${unit.path}" ${verb} "${reported.key}" (instrumentation, definitions, incentives) and have S3 correct it; if "${audit.key}" is the one at fault, fix the audit source.`,
  };
}
