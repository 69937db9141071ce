import type { FunctionKind } from "@/lib/vsm/model/kinds";
import { buildTree, type TreeNode } from "@/lib/view/system-tree";

/** One system as the overview shows it: where it sits, who owns it, what it has. */
export interface OverviewSystem {
  id: number;
  parentId: number | null;
  path: string;
  level: number;
  name: string;
  purpose: string;
  owner: string | null;
  functions: Record<FunctionKind, boolean>;
  indicatorCount: number;
  /** Running signals raised at this system (its own indicators and alerts), by valence. */
  openSignals: { pain: number; pleasure: number };
}

export interface Overview {
  systemCount: number;
  levelCount: number;
  indicatorCount: number;
  /** Running signals in the whole model, by valence. */
  openSignals: { pain: number; pleasure: number };
  roots: TreeNode<OverviewSystem>[];
}

/** The overview's totals and nested recursion from flat rows, kept in the rows' order among siblings. */
export function summariseOverview(systems: OverviewSystem[]): Overview {
  return {
    systemCount: systems.length,
    levelCount: new Set(systems.map((s) => s.level)).size,
    indicatorCount: systems.reduce((sum, s) => sum + s.indicatorCount, 0),
    openSignals: {
      pain: systems.reduce((sum, s) => sum + s.openSignals.pain, 0),
      pleasure: systems.reduce((sum, s) => sum + s.openSignals.pleasure, 0),
    },
    roots: buildTree(systems),
  };
}
