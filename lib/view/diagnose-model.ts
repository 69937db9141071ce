import { modelTrees } from "@/lib/model-file/model-trees";
import type { ModelFile } from "@/lib/model-file/schemas";
import { effectivePolicyOf } from "@/lib/view/effective-policy";
import { compareFindings, diagnose, type DiagnosisOptions } from "@/lib/vsm/diagnosis/diagnose";
import { diagnoseSeries, seriesToRead, type SeriesRequest } from "@/lib/vsm/diagnosis/diagnose-series";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { getSystem } from "@/lib/vsm/model/tree-queries";
import type { Point } from "@/lib/vsm/temporal/bucket";
import type { Millis } from "@/lib/vsm/types";

/** The diagnosis page's section for one recursion tree. */
export interface TreeDiagnosis {
  root: string;
  rootName: string;
  systemCount: number;
  findings: Finding[];
}

/** Stored recent points by unit path, then indicator key (lib/store/recent-points.ts reads them). */
export type StoredSeries = ReadonlyMap<string, ReadonlyMap<string, readonly Point[]>>;

/** The series the diagnosis from the data needs at `now`, in every tree of the model. */
export function seriesToReadFor(model: ModelFile, now: Millis): SeriesRequest[] {
  return modelTrees(model).flatMap((tree) => seriesToRead(tree, now));
}

/**
 * The diagnosis (docs/design.md §3.7) of every tree in a model, one per root, in the model's order
 * of roots. With `silence` (each indicator's last point and learnt interval, read from the data)
 * silent indicators and units are judged too; with `series` (the recent points seriesToReadFor
 * names) S2 oscillation and S3* audit drift, each unit under its effective policy.
 */
export function diagnoseModel(
  model: ModelFile,
  silence?: DiagnosisOptions["silence"],
  series?: { now: Millis; stored: StoredSeries },
): TreeDiagnosis[] {
  const policyOf = effectivePolicyOf(model.systems);
  return modelTrees(model).map((tree) => {
    const findings = diagnose(tree, silence ? { silence } : {});
    if (series)
      findings.push(
        ...diagnoseSeries(tree, {
          now: series.now,
          seriesOf: (unit, key) => series.stored.get(unit)?.get(key) ?? [],
          auditTolerance: (unit) => policyOf(unit).audit.tolerance,
        }),
      );
    return {
      root: tree.root,
      rootName: getSystem(tree, tree.root).name,
      systemCount: Object.keys(tree.systems).length,
      findings: findings.sort(compareFindings),
    };
  });
}
