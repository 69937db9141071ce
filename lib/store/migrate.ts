import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "@/lib/store/sql-runner";

/**
 * Applies `prisma/migrations/<name>/migration.sql` in name order and records each one in
 * `_prisma_migrations` exactly as Prisma Migrate does, so `prisma migrate deploy` on a machine
 * that can run Prisma's schema engine accepts a database migrated here, and vice versa.
 * (Prisma's own `migrate` needs a native engine these machines cannot download.)
 */

/** The same key Prisma Migrate locks on, so our runner and Prisma's never interleave. */
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Reads the migrations folder. Paths are written out in full so Next's file tracing ships it. */
export async function readMigrations(): Promise<Migration[]> {
  const entries = await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(path.join(process.cwd(), "prisma", "migrations", name, "migration.sql"), "utf8");
      return { name, script, checksum: createHash("sha256").update(script).digest("hex") };
    }),
  );
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

async function appliedRows(sql: SqlRunner): Promise<AppliedRow[]> {
  return sql.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

/** Fails on what Prisma Migrate would also refuse: a failed migration, or an edited one. */
function checkHistory(rows: AppliedRow[], migrations: Migration[]): Set<string> {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const done = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but did not finish. Repair the database by hand, ` +
          `then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() ...).`,
      );
    }
    const local = byName.get(row.migration_name);
    if (local && local.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied. ` + `Restore the original file and add a new migration instead.`,
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

export async function migrationStatus(sql: SqlRunner, migrations?: Migration[]): Promise<MigrationStatus> {
  const all = migrations ?? (await readMigrations());
  const [exists] = await sql.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  const done = exists?.present ? checkHistory(await appliedRows(sql), all) : new Set<string>();
  return {
    applied: all.filter((m) => done.has(m.name)).map((m) => m.name),
    pending: all.filter((m) => !done.has(m.name)).map((m) => m.name),
  };
}

/**
 * Applies every pending migration, each in its own transaction under Prisma's advisory lock, and
 * returns the names applied now (empty when the database was already up to date).
 */
export async function applyMigrations(sql: SqlRunner, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await sql.exec(CREATE_TABLE);
  const appliedNow: string[] = [];
  for (const migration of all) {
    const applied = await sql.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY]);
      // Re-read under the lock: another instance may have applied it while we waited.
      if (checkHistory(await appliedRows(tx), all).has(migration.name)) return false;
      const startedAt = new Date();
      try {
        await tx.exec(migration.script);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`Migration ${migration.name} failed: ${reason}`);
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      return true;
    });
    if (applied) appliedNow.push(migration.name);
  }
  return appliedNow;
}
