import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openEmbeddedEndpoint } from "@/lib/store/embedded/open-embedded";
import { socketTo } from "@/lib/store/embedded/served-address";
import { pgPoolRunner, type SqlRunner } from "@/lib/store/sql-runner";

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

/**
 * `dataDir` null gives an in-memory database (tests); otherwise data persists in `dataDir/pglite`.
 * Every process, the one that owns the folder included, talks to it through `pg` over the owner's
 * socket (docs/design.md §9), so the embedded database takes the same code path as PostgreSQL and
 * any number of processes may use it at once.
 */
export function openEmbedded(dataDir: string | null, onIdleError: PoolErrorHandler = reportIdleError): Database {
  const endpoint = openEmbeddedEndpoint(dataDir);
  // Connections beyond the first only wait at the server, but let a transaction and the
  // statements queued behind it each hold their own connection, as with PostgreSQL.
  const pool = new Pool({ user: "postgres", database: "postgres", max: 4, stream: () => socketTo(endpoint.address()) });
  pool.on("error", onIdleError);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "embedded",
    location: endpoint.location,
    prisma,
    sql: pgPoolRunner(pool),
    async close() {
      try {
        await prisma.$disconnect();
        await endPool(pool);
      } finally {
        await endpoint.release();
      }
    },
  };
}

export function openDatabase(env: { DATABASE_URL?: string; VSM_DATA_DIR: string }, onIdleError?: PoolErrorHandler): Database {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, onIdleError) : openEmbedded(env.VSM_DATA_DIR, onIdleError);
}
