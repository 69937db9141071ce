import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { lockEmbeddedDatabase } from "@/lib/store/embedded-lock";
import { pgliteRunner, pgPoolRunner, type SqlRunner } from "@/lib/store/sql-runner";

/**
 * One handle on the console's database, whichever it is: PostgreSQL when DATABASE_URL is set,
 * otherwise an embedded PGlite database in a folder. Both are reached through Prisma for the
 * model and through `sql` for migrations and hot bulk paths.
 */
export interface Database {
  kind: "postgres" | "embedded";
  /** Where the data lives, for logs and error messages (no credentials). */
  location: string;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

export function openPostgres(url: string): Database {
  const pool = new Pool({ connectionString: url, max: 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    location: describePostgresUrl(url),
    prisma,
    sql: pgPoolRunner(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** `dataDir` null gives an in-memory database (tests); otherwise data persists in `dataDir/pglite`. */
export function openEmbedded(dataDir: string | null): Database {
  let release = () => {};
  let location = "embedded PGlite in memory";
  let pglite: PGlite;
  if (dataDir === null) {
    pglite = new PGlite();
  } else {
    // PGlite creates only the last folder of its path, so the parent must exist first.
    mkdirSync(dataDir, { recursive: true });
    release = lockEmbeddedDatabase(dataDir);
    const folder = path.join(dataDir, "pglite");
    location = `embedded PGlite at ${folder}`;
    pglite = new PGlite(folder);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "embedded",
    location,
    prisma,
    sql: pgliteRunner(pglite),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

export function openDatabase(env: { DATABASE_URL?: string; VSM_DATA_DIR: string }): Database {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openEmbedded(env.VSM_DATA_DIR);
}
