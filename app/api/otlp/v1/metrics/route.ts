import { routeMethods } from "@/lib/http/methods";
import { appTelemetryRoutes } from "@/lib/telemetry/server-telemetry";

export const dynamic = "force-dynamic";

/** OTLP/HTTP metrics, protobuf or JSON (docs/telemetry-in.md, "OTLP metrics"). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: appTelemetryRoutes.otlp });
