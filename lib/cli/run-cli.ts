import nextEnv from "@next/env";
import { EnvError, getEnv } from "@/lib/env";
import { openDatabase, type Database } from "@/lib/store/database";
import { applyMigrations } from "@/lib/store/migrate";

// The same .env files `next start` reads, so scripts and server agree on configuration.
nextEnv.loadEnvConfig(process.cwd());

/**
 * Shared frame for the command-line scripts: validated environment, the same database the console
 * would use (migrated first), closed afterwards, and errors printed as one clear message with a
 * non-zero exit instead of a stack trace.
 */
export async function withMigratedDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  const db = openDatabase(getEnv());
  try {
    const applied = await applyMigrations(db.sql);
    if (applied.length > 0) console.error(`Applied migrations: ${applied.join(", ")}`);
    await work(db);
  } finally {
    await db.close();
  }
}

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof EnvError || error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
