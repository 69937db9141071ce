import { routeMethods } from "@/lib/http/methods";
import { appTelemetryRoutes } from "@/lib/telemetry/server-telemetry";

export const dynamic = "force-dynamic";

/** Prometheus remote-write 1.0: snappy-compressed protobuf (docs/telemetry-in.md, "Prometheus remote-write"). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: appTelemetryRoutes.remoteWrite });
