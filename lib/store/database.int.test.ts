import { Client } from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "@/lib/store/database";
import { createScratchDatabase, queryServer, type ScratchDatabase } from "@/lib/testing/scratch-database";

const serverUrl = process.env.DATABASE_URL;

function backendsOn(database: string): Promise<{ pid: number }[]> {
  return queryServer(serverUrl!, "SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
}

// The pool's behaviour against a real server; the embedded database has no connections to lose.
describe.skipIf(!serverUrl)("PostgreSQL connection pool", () => {
  let scratch: ScratchDatabase;
  let name: string;
  let db: Database | undefined;

  beforeEach(async () => {
    scratch = await createScratchDatabase(serverUrl!, "vsm_test");
    name = new URL(scratch.url).pathname.slice(1);
  });
  afterEach(async () => {
    await db?.close();
    db = undefined;
    await scratch.drop();
  });

  it("close() resolves only once the server has no connection of ours left", async () => {
    db = openPostgres(scratch.url);
    await Promise.all([1, 2, 3, 4].map((n) => db!.sql.query(`SELECT pg_sleep(0.05), ${n}`)));
    expect((await backendsOn(name)).length).toBeGreaterThanOrEqual(2);
    // Connected beforehand, so the check runs the moment close() resolves.
    const monitor = new Client({ connectionString: serverUrl });
    await monitor.connect();
    try {
      await db.close();
      db = undefined;
      const left = await monitor.query("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name]);
      expect(left.rows).toEqual([]);
    } finally {
      await monitor.end();
    }
  });

  it("survives the server closing an idle connection, reports it and reconnects", async () => {
    const lost: Error[] = [];
    const reported = new Promise<void>((resolve) => {
      db = openPostgres(scratch.url, (error) => {
        lost.push(error);
        resolve();
      });
    });
    await db!.sql.query("SELECT 1");
    const [backend] = await backendsOn(name);
    await queryServer(serverUrl!, "SELECT pg_terminate_backend($1)", [backend!.pid]);
    await reported;
    expect(lost[0]?.message).toMatch(/terminat/i);
    expect(await db!.sql.query<{ ok: number }>("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });
});
