import { modelTrees } from "@/lib/model-file/model-trees";
import type { ModelFile } from "@/lib/model-file/schemas";
import { diagnose, type DiagnosisOptions } from "@/lib/vsm/diagnosis/diagnose";
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
 * model's order of roots; with `silence` (each indicator's last point and learnt interval, read
 * from the data) silent indicators and units are judged too.
 */
export function diagnoseModel(model: ModelFile, silence?: DiagnosisOptions["silence"]): TreeDiagnosis[] {
  return modelTrees(model).map((tree) => ({
    root: tree.root,
    rootName: getSystem(tree, tree.root).name,
    systemCount: Object.keys(tree.systems).length,
    findings: diagnose(tree, silence ? { silence } : {}),
  }));
}
