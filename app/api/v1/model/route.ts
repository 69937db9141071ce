import { appApiRoutes } from "@/lib/api/app-api-routes";
import { routeMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** The model file: export (GET) and import (POST) (docs/api.md). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: appApiRoutes.exportModel,
  POST: appApiRoutes.importModel,
});
