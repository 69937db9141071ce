import type { ModelFile, ModelSystem } from "@/lib/model-file/schemas";
import { makeSystem } from "@/lib/vsm/model/make-system";
import type { ViableSystem } from "@/lib/vsm/model/system";
import { buildTree, type SystemTree } from "@/lib/vsm/model/tree";

/** A model-file system as the domain core's viable system (parent and level from its path). */
export function toViableSystem(system: ModelSystem): ViableSystem {
  return makeSystem(system.path, {
    name: system.name,
    purpose: system.purpose,
    ...(system.owner === undefined ? {} : { owner: system.owner }),
    functions: system.functions,
    channels: system.channels,
    indicators: system.indicators,
  });
}

/**
 * One recursion tree per root: a database may hold several models side by side (both examples,
 * say), and the domain core works on one tree at a time. Throws if a tree is inconsistent, which
 * the import validation rules out for stored models.
 */
export function modelTrees(model: ModelFile): SystemTree[] {
  const byRoot = new Map<string, ViableSystem[]>();
  for (const system of model.systems) {
    const root = system.path.split("/")[0]!;
    byRoot.set(root, [...(byRoot.get(root) ?? []), toViableSystem(system)]);
  }
  return [...byRoot.values()].map((systems) => {
    const built = buildTree(systems);
    if (!built.ok) throw new Error(built.problems.map((p) => p.message).join("\n"));
    return built.tree;
  });
}
