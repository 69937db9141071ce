import "server-only";
import { apiRoutes } from "@/lib/api/api-routes";
import { getDatabase } from "@/lib/db";
import { withRoute } from "@/lib/http";

/** The REST handlers of the app: its route wrapper (API keys or the session), its database, the wall clock. */
export const appApiRoutes = apiRoutes(withRoute, { database: getDatabase, now: Date.now });
