import type { StructureProblem } from "@/lib/vsm/model/structure-problem";
import type { ViableSystem } from "@/lib/vsm/model/system";
import { validateSystems } from "@/lib/vsm/model/validate-systems";

/**
 * A validated recursion: systems by path and each system's S1 units (children) in input order.
 * Plain objects, so a tree can be sent to the browser or cached as JSON; read it through the
 * functions in tree-queries.ts, which only look at own keys (a slug may be "constructor").
 */
export interface SystemTree {
  readonly root: string;
  readonly systems: Readonly<Record<string, ViableSystem>>;
  readonly children: Readonly<Record<string, readonly string[]>>;
}

export type TreeResult = { ok: true; tree: SystemTree } | { ok: false; problems: StructureProblem[] };

/** Builds the tree from a flat list, or returns every structural problem that prevents it. */
export function buildTree(systems: readonly ViableSystem[]): TreeResult {
  const problems = validateSystems(systems);
  if (problems.length > 0) return { ok: false, problems };
  if (systems.length === 0) return { ok: false, problems: [{ kind: "no-root", message: "a model needs at least its root system" }] };
  return { ok: true, tree: assemble(systems, systems.find((s) => s.parent === null)!.path) };
}

/**
 * Indexes systems already known to be consistent (validated, or cut from a validated tree):
 * unique paths, and every system but `root` has its parent among them.
 */
export function assemble(systems: readonly ViableSystem[], root: string): SystemTree {
  const byPath = Object.create(null) as Record<string, ViableSystem>;
  const children = Object.create(null) as Record<string, string[]>;
  for (const system of systems) {
    byPath[system.path] = system;
    children[system.path] = [];
  }
  for (const system of systems) if (system.path !== root) children[system.parent!]!.push(system.path);
  return { root, systems: byPath, children };
}
