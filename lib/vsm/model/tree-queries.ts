import { ancestorPaths, isWithin, pathAtLevel } from "@/lib/vsm/model/path";
import { assemble, type SystemTree } from "@/lib/vsm/model/tree";
import type { ViableSystem } from "@/lib/vsm/model/system";

/** The system at `path`, or undefined. Own keys only, so a tree parsed from JSON is safe too. */
export function findSystem(tree: SystemTree, path: string): ViableSystem | undefined {
  return Object.hasOwn(tree.systems, path) ? tree.systems[path] : undefined;
}

/** The system at `path`; a path outside the tree is a programming error. */
export function getSystem(tree: SystemTree, path: string): ViableSystem {
  const system = findSystem(tree, path);
  if (system === undefined) throw new RangeError(`no system "${path}" in the model`);
  return system;
}

function childPaths(tree: SystemTree, path: string): readonly string[] {
  getSystem(tree, path);
  return Object.hasOwn(tree.children, path) ? tree.children[path]! : [];
}

/** The system's S1 operational units. */
export function childrenOf(tree: SystemTree, path: string): ViableSystem[] {
  return childPaths(tree, path).map((child) => getSystem(tree, child));
}

export function isLeaf(tree: SystemTree, path: string): boolean {
  return childPaths(tree, path).length === 0;
}

/**
 * Containing systems, nearest first up to the tree's root: the order in which escalation climbs.
 * In a subtree, the climb stops at the subtree's root.
 */
export function ancestors(tree: SystemTree, path: string): ViableSystem[] {
  getSystem(tree, path);
  return ancestorPaths(path)
    .filter((p) => isWithin(tree.root, p))
    .map((p) => getSystem(tree, p));
}

/** Every system below `path`, depth-first (pre-order), not including `path` itself. */
export function descendants(tree: SystemTree, path: string): ViableSystem[] {
  const found: ViableSystem[] = [];
  const stack = [...childPaths(tree, path)].reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    found.push(getSystem(tree, next));
    stack.push(...[...childPaths(tree, next)].reverse());
  }
  return found;
}

/**
 * The part of the recursion rooted at `path`, as a tree of its own. Levels and paths stay those of
 * the whole model, so findings and signals computed on a subtree keep their meaning.
 */
export function subtree(tree: SystemTree, path: string): SystemTree {
  return assemble([getSystem(tree, path), ...descendants(tree, path)], path);
}

/** The system at recursion level `level` that contains `path` (the system itself at its own level). */
export function containingAt(tree: SystemTree, path: string, level: number): ViableSystem | undefined {
  getSystem(tree, path);
  const at = pathAtLevel(path, level);
  return at === null ? undefined : findSystem(tree, at);
}
