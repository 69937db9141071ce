import "server-only";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { openDatabase, type Database } from "@/lib/store/database";

/**
 * The server's one database handle, opened on first use and kept on globalThis so Next's module
 * reloading in development does not open a second pool. Preparation
 * (migrations, first-start seed) is retried on the next call if it failed, e.g. because
 * PostgreSQL was not up yet.
 */
const holder = globalThis as typeof globalThis & {
  vsmDatabase?: Database;
  vsmPrepared?: Promise<Database>;
};

export function getOpenDatabase(): Database {
  holder.vsmDatabase ??= openDatabase(getEnv(), (error) =>
    log.warn({ concern: "database", err: error }, "PostgreSQL connection lost while idle; the pool opens a new one"),
  );
  return holder.vsmDatabase;
}

export function getDatabase(): Promise<Database> {
  if (!holder.vsmPrepared) {
    const db = getOpenDatabase();
    holder.vsmPrepared = prepareDatabase(db, getEnv(), log.child({ concern: "database" })).then(
      () => db,
      (error: unknown) => {
        holder.vsmPrepared = undefined;
        throw error;
      },
    );
  }
  return holder.vsmPrepared;
}
