import { getDatabase, getOpenDatabase } from "@/lib/db";
import { withRoute } from "@/lib/http";
import { routeMethods } from "@/lib/http/methods";
import { checkReadiness } from "@/lib/store/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database is reachable and fully migrated, 503 (with why) otherwise. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: withRoute({ permission: "public" }, async () => {
    // If the database was down at start, this retries the preparation (migrations), so a probe
    // that polls readiness alone still sees the console become ready once the database is back.
    await getDatabase().catch(() => undefined);
    const readiness = await checkReadiness(getOpenDatabase());
    return Response.json({ status: readiness.ready ? "ready" : "not_ready", ...readiness }, { status: readiness.ready ? 200 : 503 });
  }),
});
