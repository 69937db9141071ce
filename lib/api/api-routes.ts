import "server-only";
import type { ApiDeps, WithRoute } from "@/lib/api/api-handler";
import { analysisHandlers } from "@/lib/api/handlers/analysis-handlers";
import { modelFileHandlers } from "@/lib/api/handlers/model-file-handlers";
import { observationHandlers } from "@/lib/api/handlers/observation-handlers";
import { signalHandlers } from "@/lib/api/handlers/signal-handlers";
import { silenceHandlers } from "@/lib/api/handlers/silence-handlers";
import { systemHandlers } from "@/lib/api/handlers/system-handlers";
import type { API_ROUTES } from "@/lib/api/route-table";
import type { RouteHandler } from "@/lib/http";

type OperationId = (typeof API_ROUTES)[number]["operationId"];

/**
 * Every REST handler of the route table, by operationId, built on a route wrapper and a database:
 * the app passes its own (lib/api/app-api-routes.ts), integration tests a wrapper with their key
 * store or actors and a scratch database. The type requires a handler for every table entry.
 */
export function apiRoutes(withRoute: WithRoute, deps: ApiDeps): Record<OperationId, RouteHandler> {
  return {
    ...systemHandlers(withRoute, deps),
    ...observationHandlers(withRoute, deps),
    ...signalHandlers(withRoute, deps),
    ...silenceHandlers(withRoute, deps),
    ...analysisHandlers(withRoute, deps),
    ...modelFileHandlers(withRoute, deps),
  };
}
