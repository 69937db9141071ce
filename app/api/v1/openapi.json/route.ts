import { appApiRoutes } from "@/lib/api/app-api-routes";
import { routeMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** This API's OpenAPI 3.1 document, public (docs/api.md). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: appApiRoutes.getOpenApiDocument });
