import { openEmbedded, openPostgres, type Database } from "@/lib/store/database";
import { applyMigrations } from "@/lib/store/migrate";
import { createScratchDatabase } from "@/lib/testing/scratch-database";

/**
 * A fresh, empty database for one test file: a new database on the PostgreSQL server named by
 * DATABASE_URL (as in CI), or an in-memory PGlite database when DATABASE_URL is unset.
 * Never a mock. `drop()` closes it and removes what it created.
 */
export interface TestDatabase extends Database {
  url?: string;
  drop(): Promise<void>;
}

/** `serverUrl` overrides DATABASE_URL (null: embedded), for a script that measures both databases in one run. */
export async function createTestDatabase(options: { migrate?: boolean; serverUrl?: string | null } = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl === undefined ? process.env.DATABASE_URL : options.serverUrl;
  let db: TestDatabase;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "vsm_test");
    const opened = openPostgres(scratch.url);
    db = {
      ...opened,
      url: scratch.url,
      async drop() {
        await opened.close();
        await scratch.drop();
      },
    };
  } else {
    const opened = openEmbedded(null);
    db = { ...opened, drop: () => opened.close() };
  }
  if (options.migrate !== false) await applyMigrations(db.sql);
  return db;
}
