import "server-only";
import { apiHandler, type ApiDeps, type WithRoute } from "@/lib/api/api-handler";
import { getDiagnosis, getVariety } from "@/lib/api/routes/analysis";
import { permits, scopesWith } from "@/lib/auth/permissions";
import { diagnoseStored } from "@/lib/store/stored-diagnosis";
import { unassignedTotals } from "@/lib/store/unassigned-points";
import { readVarietyWindow } from "@/lib/store/variety-window";
import { varietyReport } from "@/lib/view/variety-report";
import { windowEnding } from "@/lib/view/variety-window";

/**
 * Variety and diagnosis are computed over whole recursion trees, so — as on their pages
 * (docs/access.md, "Limits of this version") — a tree is given only to those who may read its root.
 */
export function analysisHandlers(withRoute: WithRoute, deps: ApiDeps) {
  return {
    getVariety: apiHandler(withRoute, getVariety, async ({ query, actor }) => {
      const db = await deps.database();
      const window = windowEnding(query.window, deps.now());
      const report = varietyReport(await readVarietyWindow(db.sql, window));
      const trees = report.trees.filter((tree) => permits(actor, "read", tree.root.path));
      return {
        window,
        trees,
        partial: !scopesWith(actor, "read").includes(""),
        // Judged on the trees given: whether anything happened in a tree the caller cannot see is not theirs to know.
        empty: trees.every((t) => t.signals === 0 && t.systems.length === 0 && t.homeostats.length === 0),
      };
    }),

    getDiagnosis: apiHandler(withRoute, getDiagnosis, async ({ actor }) => {
      const db = await deps.database();
      // Unassigned telemetry belongs to no unit: only readers of the whole model see it.
      const whole = scopesWith(actor, "read").includes("");
      const [all, unassigned] = await Promise.all([diagnoseStored(db, deps.now()), whole ? unassignedTotals(db.sql) : null]);
      return {
        trees: all.filter((tree) => permits(actor, "read", tree.root)),
        unassigned,
      };
    }),
  };
}
