import "server-only";
import { apiHandler, type ApiDeps, type WithRoute } from "@/lib/api/api-handler";
import { getObservations } from "@/lib/api/routes/observations";
import { addPoints, chooseResolution, stepView } from "@/lib/api/step-buckets";
import { scopesWith } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { readObservationSteps } from "@/lib/store/observation-steps";
import { findUnitIndicator } from "@/lib/store/unit-indicators";

/** `GET /api/v1/observations`: the POST beside it is the JSON batch endpoint (lib/telemetry/telemetry-routes.ts). */
export function observationHandlers(withRoute: WithRoute, deps: ApiDeps) {
  return {
    getObservations: apiHandler(withRoute, getObservations, async ({ query, actor }) => {
      const { unit, indicator: key, from, to, step } = query;
      const db = await deps.database();
      const indicator = await findUnitIndicator(db.sql, unit, key, scopesWith(actor, "read"));
      if (indicator === null) throw new AppError("not_found", `No indicator "${key}" of a unit "${unit}" that you may read`);
      const resolution = chooseResolution(from, to, step);
      // The query's schema admits only whole minutes, which the minute roll-up always tiles.
      if (resolution === null) throw new AppError("validation_failed", "from, to and step must be whole minutes");
      const { steps, pending } = await readObservationSteps(db.sql, { indicatorId: indicator.id, resolution, from, to, step });
      const range = { from, step };
      return { unit, indicator: key, from, to, step, resolution, buckets: addPoints(steps, pending, range).map((s) => stepView(s, range)) };
    }),
  };
}
