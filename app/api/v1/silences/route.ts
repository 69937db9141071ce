import { appApiRoutes } from "@/lib/api/app-api-routes";
import { routeMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** Silences: list and create (docs/api.md). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: appApiRoutes.listSilences,
  POST: appApiRoutes.createSilence,
});
