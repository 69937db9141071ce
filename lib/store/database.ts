import "server-only";
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

/** What to do when an idle pooled connection fails; the pool has already dropped it. */
export type PoolErrorHandler = (error: Error) => void;

/**
 * The pool always has an 'error' listener: without one, a pooled connection that the server closes
 * while idle (a PostgreSQL restart, an administrator, a network blip) would be an unhandled
 * 'error' event and bring the whole process down. The server logs it (lib/db.ts); scripts and
 * tests get the default, a line on stderr.
 */
export function openPostgres(url: string, onIdleError: PoolErrorHandler = reportIdleError): Database {
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on("error", onIdleError);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    location: describePostgresUrl(url),
    prisma,
    sql: pgPoolRunner(pool),
    async close() {
      await prisma.$disconnect();
      await endPool(pool);
    },
  };
}

function reportIdleError(error: Error): void {
  process.stderr.write(`PostgreSQL connection lost while idle: ${error.message}\n`);
}

/**
 * `pool.end()` resolves as soon as the pool has asked its clients to end, before their sockets
 * close. Waiting for every client's 'remove' as well means that when this resolves the server
 * has no connection of ours left — so dropping the database straight after cannot race a client
 * that is still saying goodbye.
 */
async function endPool(pool: Pool): Promise<void> {
  const open = pool.totalCount;
  let removed = 0;
  const allRemoved = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on("remove", () => {
      removed += 1;
      if (removed >= open) resolve();
    });
  });
  await pool.end();
  await allRemoved;
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

export function openDatabase(env: { DATABASE_URL?: string; VSM_DATA_DIR: string }, onIdleError?: PoolErrorHandler): Database {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, onIdleError) : openEmbedded(env.VSM_DATA_DIR);
}
