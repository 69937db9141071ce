import { appApiRoutes } from "@/lib/api/app-api-routes";
import { routeMethods } from "@/lib/http/methods";
import { appTelemetryRoutes } from "@/lib/telemetry/server-telemetry";

export const dynamic = "force-dynamic";

/** An indicator's observations in buckets (docs/api.md); POST: a JSON batch of observations (docs/telemetry-in.md, "JSON batch"). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: appApiRoutes.getObservations,
  POST: appTelemetryRoutes.observations,
});
