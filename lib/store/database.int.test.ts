import { Client } from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "@/lib/store/database";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/testing/scratch-database";

const serverUrl = process.env.DATABASE_URL;

// The pool's behaviour against a real PostgreSQL server; connections to the embedded database's
// server that drop are covered in lib/store/embedded/processes.int.test.ts (its owner exits).
describe.skipIf(!serverUrl)("PostgreSQL connection pool", () => {
  let scratch: ScratchDatabase;
  // A connection outside the pool under test, open throughout, so checks run the moment they are asked.
  let monitor: Client;
  let db: Database | undefined;

  async function backends(): Promise<number[]> {
    const result = await monitor.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [scratch.name]);
    return result.rows.map((row) => row.pid);
  }

  beforeEach(async () => {
    scratch = await createScratchDatabase(serverUrl!, "vsm_test");
    monitor = new Client({ connectionString: serverUrl });
    await monitor.connect();
  });
  afterEach(async () => {
    await db?.close();
    db = undefined;
    await monitor.end();
    await scratch.drop();
  });

  it("close() resolves only once the server has no connection of ours left", async () => {
    db = openPostgres(scratch.url);
    await Promise.all([1, 2, 3, 4].map((n) => db!.sql.query(`SELECT pg_sleep(0.05), ${n}`)));
    expect((await backends()).length).toBeGreaterThanOrEqual(2);
    await db.close();
    db = undefined;
    expect(await backends()).toEqual([]);
  });

  it("survives the server closing an idle connection, reports it and reconnects", async () => {
    let report!: (error: Error) => void;
    const reported = new Promise<Error>((resolve) => (report = resolve));
    db = openPostgres(scratch.url, (error) => report(error));
    await db.sql.query("SELECT 1");
    const [pid] = await backends();
    await monitor.query("SELECT pg_terminate_backend($1)", [pid]);
    expect((await reported).message).toMatch(/terminat/i);
    expect(await db.sql.query<{ ok: number }>("SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });
});
