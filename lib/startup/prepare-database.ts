import "server-only";
import type { Logger } from "pino";
import type { Env } from "@/lib/env";
import { loadExample } from "@/lib/startup/load-example";
import type { Database } from "@/lib/store/database";
import { applyMigrations, readMigrations } from "@/lib/store/migrate";
import { importModel } from "@/lib/store/model-import";

export interface PrepareResult {
  migrationsApplied: string[];
  seeded: string | null;
}

/**
 * Brings a database up to date at start: applies pending migrations and, on the very first start
 * (every migration applied just now, so the database was empty), imports the example model chosen
 * by VSM_SEED_EXAMPLE. A second start applies nothing and seeds nothing. Lives on the start-up
 * path rather than in the store so that the store never reaches up into example files.
 */
export async function prepareDatabase(db: Database, env: Pick<Env, "VSM_SEED_EXAMPLE">, log: Logger): Promise<PrepareResult> {
  const migrations = await readMigrations();
  const migrationsApplied = await applyMigrations(db.sql, migrations);
  if (migrationsApplied.length > 0) log.info({ migrations: migrationsApplied }, "migrations applied");
  const firstStart = migrations.length > 0 && migrationsApplied.length === migrations.length;
  if (!firstStart || env.VSM_SEED_EXAMPLE === "none") return { migrationsApplied, seeded: null };
  const summary = await importModel(db, await loadExample(env.VSM_SEED_EXAMPLE));
  log.info({ example: env.VSM_SEED_EXAMPLE, ...summary }, "example model seeded on first start");
  return { migrationsApplied, seeded: env.VSM_SEED_EXAMPLE };
}
