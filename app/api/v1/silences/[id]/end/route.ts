import { appApiRoutes } from "@/lib/api/app-api-routes";
import { routeMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** End a silence (docs/api.md). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: appApiRoutes.endSilence });
