import { algedonicChainFindings } from "@/lib/vsm/diagnosis/algedonic-chain";
import { channelFindings, environmentFindings } from "@/lib/vsm/diagnosis/channel-findings";
import { DIAGNOSIS_RULES, type Finding } from "@/lib/vsm/diagnosis/finding";
import { functionFindings } from "@/lib/vsm/diagnosis/function-findings";
import { measurementFindings } from "@/lib/vsm/diagnosis/measurement-findings";
import { ownershipFindings } from "@/lib/vsm/diagnosis/ownership-findings";
import { severityRank } from "@/lib/vsm/diagnosis/severity";
import { indexActivity, silenceFindings, type IndicatorActivity } from "@/lib/vsm/diagnosis/silence";
import type { SystemTree } from "@/lib/vsm/model/tree";
import { childrenOf, findSystem } from "@/lib/vsm/model/tree-queries";
import { depthFirst } from "@/lib/vsm/model/walk";
import { DEFAULT_POLICY, type Policy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

export interface DiagnosisOptions {
  /** Only `diagnosis.silentPeriods` is read. */
  readonly policy?: Pick<Policy, "diagnosis">;
  /** Data freshness per indicator; without it, silence is not judged (the model alone cannot tell). */
  readonly silence?: { readonly now: Millis; readonly activity: readonly IndicatorActivity[] };
}

const empty = new Map<string, IndicatorActivity>();

/**
 * Lints the model at every recursion level (docs/design.md §3.7) and returns the findings most urgent
 * first, then from the root down (level, then path), so the same model always reads the same.
 * Given a subtree, it lints just that part, with the model's own levels.
 */
export function diagnose(tree: SystemTree, options: DiagnosisOptions = {}): Finding[] {
  const { silentPeriods } = (options.policy ?? DEFAULT_POLICY).diagnosis;
  const activity = indexActivity(options.silence?.activity ?? []);
  const findings: Finding[] = [];
  for (const system of depthFirst(tree)) {
    const units = childrenOf(tree, system.path).map((unit) => unit.path);
    const parent = system.parent === null ? undefined : findSystem(tree, system.parent);
    findings.push(
      ...functionFindings(system, units.length),
      ...channelFindings(system, units),
      // At the top of a subtree the parent lies outside it: a link it holds is unknown, not missing.
      ...(system.parent !== null && parent === undefined ? [] : environmentFindings(system, parent)),
      ...ownershipFindings(system),
      ...measurementFindings(system),
    );
    if (options.silence) findings.push(...silenceFindings(system, activity.get(system.path) ?? empty, options.silence.now, silentPeriods));
  }
  findings.push(...algedonicChainFindings(tree));
  return findings.sort(compareFindings);
}

const text = (a: string | undefined, b: string | undefined) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    a.level - b.level ||
    text(a.path, b.path) ||
    DIAGNOSIS_RULES.indexOf(a.rule) - DIAGNOSIS_RULES.indexOf(b.rule) ||
    text(a.function, b.function) ||
    text(a.channel, b.channel) ||
    text(a.unit, b.unit) ||
    text(a.indicator, b.indicator)
  );
}
