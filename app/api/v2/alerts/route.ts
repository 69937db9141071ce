import { routeMethods } from "@/lib/http/methods";
import { appTelemetryRoutes } from "@/lib/telemetry/server-telemetry";

export const dynamic = "force-dynamic";

/** Alertmanager's v2 alert API, as Prometheus' alerting posts to it (docs/telemetry-in.md, "Alertmanager v2 alerts"). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: appTelemetryRoutes.alerts });
