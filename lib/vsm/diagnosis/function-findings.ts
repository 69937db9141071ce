import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { Severity } from "@/lib/vsm/diagnosis/severity";
import { FUNCTION_KINDS, FUNCTION_LABELS, type FunctionKind } from "@/lib/vsm/model/kinds";
import { hasFunction, type ViableSystem } from "@/lib/vsm/model/system";

/**
 * Why each function matters where the system has S1 units, and how bad its absence is. S3 and S5
 * are critical: without S3 nobody allocates to or bargains with the units, without S5 there is no
 * identity to close the S3–S4 homeostat or to receive pain.
 */
const ABOVE_UNITS: Record<FunctionKind, { severity: Severity; lacks: (units: string) => string; hint: string }> = {
  s2: {
    severity: "warning",
    lacks: (units) => `nothing damps oscillation between ${units}`,
    hint: "Record who coordinates the units (shared schedules, standards, on-call) as S2, then add a coordination channel to each unit.",
  },
  s3: {
    severity: "critical",
    lacks: (units) => `nobody allocates resources to ${units} or bargains with them`,
    hint: "Name an S3 owner, then add command and resource-bargain channels to each unit.",
  },
  s3star: {
    severity: "warning",
    lacks: (units) => `nobody independently checks the reports of ${units}`,
    hint: "Give S3* audit to someone independent of the units, then add an audit channel to each unit.",
  },
  s4: {
    severity: "warning",
    lacks: () => "nobody watches its environment and its future",
    hint: "Record who scans the environment and plans ahead (S4), then add the S3↔S4 homeostat.",
  },
  s5: {
    severity: "critical",
    lacks: () => "it has no identity to balance S3 against S4 or to receive algedonic signals",
    hint: "Name who sets purpose and policy (S5).",
  },
};

function absence(system: ViableSystem, kind: FunctionKind): string {
  const recorded = system.functions[kind];
  if (recorded === undefined) return "not recorded";
  return recorded.notes ? `recorded as absent: ${recorded.notes}` : "recorded as absent";
}

/**
 * Missing S2–S5. Above the leaves every function is expected, except S2 with fewer than two S1
 * units (one unit has nobody to oscillate against). A leaf's S1 is below the model's resolution,
 * so S2 and S3* (which act between and upon S1 units) are not expected there, and a missing S3, S4
 * or S5 is only information: the leaf's management may simply not be modelled.
 */
export function functionFindings(system: ViableSystem, unitCount: number): Finding[] {
  const { path, level } = system;
  const findings: Finding[] = [];
  for (const kind of FUNCTION_KINDS) {
    if (hasFunction(system, kind)) continue;
    const base = { rule: "missing-function", level, path, function: kind } as const;
    const label = FUNCTION_LABELS[kind];
    if (unitCount === 0) {
      if (kind === "s2" || kind === "s3star") continue;
      findings.push({
        ...base,
        severity: "info",
        message: `Leaf "${path}" has no ${label} (${absence(system, kind)}).`,
        hint: `Record the leaf's ${label}, or model its operations as S1 units below it.`,
      });
      continue;
    }
    if (kind === "s2" && unitCount < 2) continue;
    const rule = ABOVE_UNITS[kind];
    const units = unitCount === 1 ? "its S1 unit" : `its ${unitCount} S1 units`;
    findings.push({
      ...base,
      severity: rule.severity,
      message: `"${path}" has no ${label} (${absence(system, kind)}): ${rule.lacks(units)}.`,
      hint: rule.hint,
    });
  }
  return findings;
}
