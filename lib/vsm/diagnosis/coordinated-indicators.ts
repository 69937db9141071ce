import { isAuditKey } from "@/lib/vsm/diagnosis/audited-indicators";
import type { Indicator, ViableSystem } from "@/lib/vsm/model/system";
import type { SystemTree } from "@/lib/vsm/model/tree";
import { childrenOf } from "@/lib/vsm/model/tree-queries";
import { depthFirst } from "@/lib/vsm/model/walk";

/** One sibling's copy of an indicator S2 coordinates. */
export interface CoordinatedUnit {
  readonly path: string;
  readonly indicator: Indicator;
}

/**
 * An indicator key that two or more S1 units reached by their system's coordination channels
 * share: where S2 can see them swing, alone or against each other over the resource it names.
 */
export interface CoordinatedIndicator {
  /** The system holding the coordination channels, whose S2 should damp the units. */
  readonly system: ViableSystem;
  readonly key: string;
  readonly units: readonly CoordinatedUnit[];
}

/**
 * Every shared operational indicator of coordinated siblings, from the root down, keys in order.
 * Environment indicators are S4's view outward, not a resource the siblings share, and audit
 * series are spot checks of another indicator: neither is S2's to damp.
 */
export function coordinatedIndicators(tree: SystemTree): CoordinatedIndicator[] {
  const found: CoordinatedIndicator[] = [];
  for (const system of depthFirst(tree)) {
    const coordinated = new Set(system.channels.filter((c) => c.kind === "coordination" && c.unit !== undefined).map((c) => c.unit));
    const units = childrenOf(tree, system.path).filter((unit) => coordinated.has(unit.path));
    if (units.length < 2) continue;
    const byKey = new Map<string, CoordinatedUnit[]>();
    for (const unit of units)
      for (const indicator of unit.indicators) {
        if (indicator.scope !== "operations" || isAuditKey(indicator.key)) continue;
        byKey.set(indicator.key, [...(byKey.get(indicator.key) ?? []), { path: unit.path, indicator }]);
      }
    for (const key of [...byKey.keys()].sort()) if (byKey.get(key)!.length >= 2) found.push({ system, key, units: byKey.get(key)! });
  }
  return found;
}
