import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { SystemTree } from "@/lib/vsm/model/tree";
import { childrenOf, descendants } from "@/lib/vsm/model/tree-queries";
import { depthFirst } from "@/lib/vsm/model/walk";

/**
 * Every unit needs an unbroken algedonic chain to the root: an algedonic channel from each
 * system on its way up to the one containing it. Each missing link is reported once, where it
 * belongs, with how many units it cuts off (the unit itself and everything below it), rather
 * than once per unit below it.
 */
export function algedonicChainFindings(tree: SystemTree): Finding[] {
  const findings: Finding[] = [];
  for (const system of depthFirst(tree))
    for (const unit of childrenOf(tree, system.path)) {
      if (system.channels.some((c) => c.kind === "algedonic" && c.unit === unit.path)) continue;
      const below = descendants(tree, unit.path).length;
      const cutOff = below === 0 ? `"${unit.path}"` : `"${unit.path}" and the ${below} unit${below === 1 ? "" : "s"} below it`;
      findings.push({
        rule: "broken-algedonic-chain",
        severity: "critical",
        level: system.level,
        path: system.path,
        channel: "algedonic",
        unit: unit.path,
        message: `No algedonic channel from "${unit.path}" to "${system.path}": pain in ${cutOff} cannot reach the root's S5.`,
        hint: `Add an algedonic channel from "${system.path}" to "${unit.path}".`,
      });
    }
  return findings;
}

/** Units whose chain to the root is broken somewhere above them (or at them). */
export function unitsCutOff(tree: SystemTree): string[] {
  const cut = new Set<string>();
  for (const finding of algedonicChainFindings(tree)) {
    const unit = finding.unit!;
    cut.add(unit);
    for (const below of descendants(tree, unit)) cut.add(below.path);
  }
  return depthFirst(tree)
    .map((s) => s.path)
    .filter((p) => cut.has(p));
}
