import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ModelFile } from "@/lib/model-file/schemas";
import { openEmbedded, openPostgres, type Database } from "@/lib/store/database";
import { applyMigrations } from "@/lib/store/migrate";
import { importModel } from "@/lib/store/model-import";
import { createScratchDatabase } from "@/lib/testing/scratch-database";

/** A database for system tests of the built console, and how to reach it from the test itself. */
export interface SystemDatabase {
  /** The environment a `next start` process gets to use it. */
  env: Record<string, string>;
  open(): Database;
  remove(): Promise<void>;
}

/**
 * A database of the console's own kind — a scratch PostgreSQL database when DATABASE_URL is set,
 * an embedded one in a temporary folder otherwise — migrated, with `model` imported and closed
 * again, so that the console processes the test starts find it ready.
 */
export async function prepareSystemDatabase(model: ModelFile, prefix: string): Promise<SystemDatabase> {
  let setup: SystemDatabase;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, prefix);
    setup = { env: { DATABASE_URL: scratch.url }, open: () => openPostgres(scratch.url), remove: scratch.drop };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
    setup = {
      env: { DATABASE_URL: "", VSM_DATA_DIR: dir },
      open: () => openEmbedded(dir),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const db = setup.open();
  try {
    await applyMigrations(db.sql);
    await importModel(db, model);
    return setup;
  } finally {
    await db.close();
  }
}
