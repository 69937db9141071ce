import { withRequest } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Liveness: the process is up and serving. It deliberately does not touch the database. */
export const GET = withRequest(async () => Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }));
