import { routeMethods } from "@/lib/http/methods";
import { appTelemetryRoutes } from "@/lib/telemetry/server-telemetry";

export const dynamic = "force-dynamic";

/** A JSON batch of observations (docs/telemetry-in.md, "JSON batch"). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: appTelemetryRoutes.observations });
