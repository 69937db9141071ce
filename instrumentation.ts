/**
 * Runs once when a server instance starts: validates the environment (a bad variable stops the
 * server with a message naming it) and migrates the database before the first request, seeding
 * the example model on the very first start (lib/startup/prepare-database.ts, through lib/db.ts). If the database is unreachable the server still
 * starts, /api/ready answers 503, and the next request that needs data retries. While no account
 * exists it prints a one-time link for the first admin (lib/startup/first-admin-link.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  getEnv();
  const { log } = await import("@/lib/log");
  const { getDatabase } = await import("@/lib/db");
  try {
    const db = await getDatabase();
    log.info({ database: db.location }, "database ready");
    // Starts the pipeline and its maintenance (partitions made ahead, retention) with the server,
    // not with the first batch: a console that receives nothing still drops expired data.
    const { getTelemetry } = await import("@/lib/telemetry/server-telemetry");
    await getTelemetry();
    const { announceFirstAdminLink } = await import("@/lib/startup/first-admin-link");
    await announceFirstAdminLink(db, getEnv(), Date.now());
  } catch (error) {
    log.error({ err: error }, "database not ready at start; /api/ready reports why");
  }
}

export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/lib/log");
  log.error({ err: error, path: request.path, method: request.method, requestId: request.headers["x-request-id"] }, "request error");
}
