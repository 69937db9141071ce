import pino from "pino";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { createApiKey } from "@/lib/store/api-keys";
import { openDatabase } from "@/lib/store/database";

/**
 * Prepares the e2e database before the server starts: the same first-start path the server runs
 * (migrations, then the SaaS example), and an ingest key for the specs that post telemetry.
 * The embedded database belongs to one process at a time, so this finishes — and closes it —
 * before `next start` opens it. Returns the key's token.
 */
export async function prepareE2eDatabase(env: { DATABASE_URL?: string; VSM_DATA_DIR: string }): Promise<string> {
  const db = openDatabase(env);
  try {
    await prepareDatabase(db, { VSM_SEED_EXAMPLE: "saas" }, pino({ level: "warn" }));
    const { token } = await createApiKey(db.sql, { name: "e2e ingest key", role: "ingest", scope: "" }, "e2e");
    return token;
  } finally {
    await db.close();
  }
}
