import "server-only";
import { apiHandler, type ApiDeps, type WithRoute } from "@/lib/api/api-handler";
import { listIndicators, listSystems, listUnits } from "@/lib/api/routes/systems";
import { indicatorView } from "@/lib/api/indicator-view";
import { narrowScopes } from "@/lib/api/narrow-scopes";
import { permits, scopesWith } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { listSystemSummaries, systemExists } from "@/lib/store/system-summaries";
import { listUnitIndicators } from "@/lib/store/unit-indicators";

/** Systems, units and indicators: reads of the model, each limited to the caller's subtrees in its query. */
export function systemHandlers(withRoute: WithRoute, deps: ApiDeps) {
  return {
    listSystems: apiHandler(withRoute, listSystems, async ({ query, actor }) => {
      const db = await deps.database();
      return { systems: await listSystemSummaries(db.sql, { scopes: narrowScopes(scopesWith(actor, "read"), query.under) }) };
    }),

    listUnits: apiHandler(withRoute, listUnits, async ({ query, actor }) => {
      const db = await deps.database();
      const units = await listSystemSummaries(db.sql, { scopes: scopesWith(actor, "read"), parent: query.system });
      // A system the caller may not read is named only if some unit of it is theirs (its path is a prefix of theirs).
      const known = permits(actor, "read", query.system) ? await systemExists(db.sql, query.system) : units.length > 0;
      if (!known) throw new AppError("not_found", `No system "${query.system}" that you may read`);
      return { system: query.system, units };
    }),

    listIndicators: apiHandler(withRoute, listIndicators, async ({ query, actor }) => {
      const db = await deps.database();
      const indicators = await listUnitIndicators(db.sql, query.unit, scopesWith(actor, "read"));
      if (indicators === null) throw new AppError("not_found", `No unit "${query.unit}" that you may read`);
      return { unit: query.unit, indicators: indicators.map(indicatorView) };
    }),
  };
}
