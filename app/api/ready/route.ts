import { getDatabase, getOpenDatabase } from "@/lib/db";
import { withRoute } from "@/lib/http";
import { routeMethods } from "@/lib/http/methods";
import { checkReadiness } from "@/lib/store/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database is reachable and fully migrated, 503 otherwise, with each
 * check's outcome in words safe to publish. The raw error (which may name the host or role) is
 * logged, never answered.
 */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: withRoute({ permission: "public" }, async ({ log }) => {
    // If the database was down at start, this retries the preparation (migrations), so a probe
    // that polls readiness alone still sees the console become ready once the database is back.
    await getDatabase().catch(() => undefined);
    const { ready, checks, error } = await checkReadiness(getOpenDatabase());
    if (!ready) log.warn({ checks, err: error }, "not ready");
    return Response.json({ status: ready ? "ready" : "not ready", checks }, { status: ready ? 200 : 503 });
  }),
});
