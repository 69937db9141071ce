import "server-only";
import type { Database } from "@/lib/store/database";
import { indicatorActivity } from "@/lib/store/indicator-activity";
import { readRecentPoints } from "@/lib/store/recent-points";
import { exportModel } from "@/lib/store/model-export";
import { diagnoseModel, seriesToReadFor, type TreeDiagnosis } from "@/lib/view/diagnose-model";
import type { Millis } from "@/lib/vsm/types";

/**
 * The whole diagnosis of the stored model at `now`: structural, silent indicators from their latest
 * points, and S2 oscillation and S3* drift from the recent points they need (which series depends
 * on the model, so the model is read first). The Diagnosis page and the simulator's check share it.
 */
export async function diagnoseStored(db: Database, now: Millis): Promise<TreeDiagnosis[]> {
  const [model, activity] = await Promise.all([exportModel(db), indicatorActivity(db.sql)]);
  const stored = await readRecentPoints(db.sql, seriesToReadFor(model, now));
  return diagnoseModel(model, { now, activity }, { now, stored });
}
