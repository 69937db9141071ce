import { withRoute } from "@/lib/http";
import { routeMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** Liveness: the process is up and serving. It deliberately does not touch the database. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: withRoute({ permission: "public" }, async () => Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) })),
});
