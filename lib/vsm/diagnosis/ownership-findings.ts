import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { FUNCTION_KINDS, FUNCTION_LABELS } from "@/lib/vsm/model/kinds";
import type { ViableSystem } from "@/lib/vsm/model/system";

const blank = (owner: string | undefined) => owner === undefined || owner.trim() === "";

/**
 * A unit without an owner has nobody to own its signals while they escalate, so that is a
 * warning; a present function without an owner is information (the system's owner answers for it).
 */
export function ownershipFindings(system: ViableSystem): Finding[] {
  const { path, level } = system;
  const findings: Finding[] = [];
  if (blank(system.owner))
    findings.push({
      rule: "unowned-system",
      severity: "warning",
      level,
      path,
      message: `"${path}" has no owner: its signals have nobody to acknowledge or remedy them before they escalate.`,
      hint: `Name the user or team that owns "${path}".`,
    });
  for (const kind of FUNCTION_KINDS) {
    const fn = system.functions[kind];
    if (fn?.present && blank(fn.owner))
      findings.push({
        rule: "unowned-function",
        severity: "info",
        level,
        path,
        function: kind,
        message: `${FUNCTION_LABELS[kind]} of "${path}" is present but has no owner.`,
        hint: `Name who performs ${FUNCTION_LABELS[kind]} for "${path}".`,
      });
  }
  return findings;
}
