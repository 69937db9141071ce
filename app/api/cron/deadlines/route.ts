import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { withRoute } from "@/lib/http";
import { routeMethods } from "@/lib/http/methods";
import { runCron } from "@/lib/signals/cron-route";

export const dynamic = "force-dynamic";

/**
 * Fires due escalation deadlines for an external scheduler (Vercel Cron); the app's own worker
 * does the same every few seconds. Not an API-key route: the scheduler proves itself with the
 * shared CRON_SECRET (docs/signals.md).
 */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: withRoute({ permission: "public" }, async ({ request }) => runCron(request, getEnv().CRON_SECRET, await getDatabase(), Date.now())),
});
