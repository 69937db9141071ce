import type { ViableSystem } from "@/lib/vsm/model/system";
import type { SystemTree } from "@/lib/vsm/model/tree";
import { childrenOf, descendants, getSystem } from "@/lib/vsm/model/tree-queries";

/** `from` and everything below it, each system before its units (pre-order). */
export function depthFirst(tree: SystemTree, from: string = tree.root): ViableSystem[] {
  return [getSystem(tree, from), ...descendants(tree, from)];
}

/** `from` and everything below it, level by level: how a console lays out the recursion. */
export function breadthFirst(tree: SystemTree, from: string = tree.root): ViableSystem[] {
  const order = [getSystem(tree, from)];
  for (let i = 0; i < order.length; i += 1) order.push(...childrenOf(tree, order[i]!.path));
  return order;
}
