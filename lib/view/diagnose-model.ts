import { modelTrees } from "@/lib/model-file/model-trees";
import type { ModelFile } from "@/lib/model-file/schemas";
import { diagnose } from "@/lib/vsm/diagnosis/diagnose";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { getSystem } from "@/lib/vsm/model/tree-queries";

/** The diagnosis page's section for one recursion tree. */
export interface TreeDiagnosis {
  root: string;
  rootName: string;
  systemCount: number;
  findings: Finding[];
}

/**
 * The structural diagnosis (docs/design.md §3.7) of every tree in a model, one per root, in the
 * model's order of roots. Silence is not judged here: that needs observation times, which arrive
 * with telemetry ingestion.
 */
export function diagnoseModel(model: ModelFile): TreeDiagnosis[] {
  return modelTrees(model).map((tree) => ({
    root: tree.root,
    rootName: getSystem(tree, tree.root).name,
    systemCount: Object.keys(tree.systems).length,
    findings: diagnose(tree),
  }));
}
