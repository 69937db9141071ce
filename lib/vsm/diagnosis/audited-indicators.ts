import type { Indicator, ViableSystem } from "@/lib/vsm/model/system";
import type { SystemTree } from "@/lib/vsm/model/tree";
import { depthFirst } from "@/lib/vsm/model/walk";

/**
 * The model has no field naming an audit source, so S3* audits follow a naming convention
 * (docs/model-files.md, "Audit series"): an indicator whose key ends in `-audit` is the
 * independent audit source of the indicator of the same unit with the key without the suffix —
 * `orders-audit` audits `orders`.
 */
export const AUDIT_SUFFIX = "-audit";

export function isAuditKey(key: string): boolean {
  return key.endsWith(AUDIT_SUFFIX) && key.length > AUDIT_SUFFIX.length;
}

/** A unit's self-reported indicator and its audit series. */
export interface AuditedIndicator {
  readonly unit: ViableSystem;
  readonly reported: Indicator;
  readonly audit: Indicator;
}

/** Every indicator of the tree that has an audit series beside it, from the root down. */
export function auditedIndicators(tree: SystemTree): AuditedIndicator[] {
  const found: AuditedIndicator[] = [];
  for (const unit of depthFirst(tree)) {
    const byKey = new Map(unit.indicators.map((i) => [i.key, i]));
    for (const audit of unit.indicators) {
      if (!isAuditKey(audit.key)) continue;
      const reported = byKey.get(audit.key.slice(0, -AUDIT_SUFFIX.length));
      if (reported) found.push({ unit, reported, audit });
    }
  }
  return found;
}
