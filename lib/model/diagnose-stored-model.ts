import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { exportModel } from "@/lib/model/export-model";
import { modelTrees } from "@/lib/model-file/model-trees";
import { diagnose } from "@/lib/vsm/diagnosis/diagnose";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { getSystem } from "@/lib/vsm/model/tree-queries";

export interface TreeDiagnosis {
  root: string;
  rootName: string;
  systemCount: number;
  findings: Finding[];
}

/**
 * The structural diagnosis (DESIGN.md §3.7) of every stored model, one per root. Silence is not
 * judged here: that needs observation times, which arrive with telemetry ingestion.
 */
export async function diagnoseStoredModel(prisma: PrismaClient): Promise<TreeDiagnosis[]> {
  return modelTrees(await exportModel(prisma)).map((tree) => ({
    root: tree.root,
    rootName: getSystem(tree, tree.root).name,
    systemCount: Object.keys(tree.systems).length,
    findings: diagnose(tree),
  }));
}
