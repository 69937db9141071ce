import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { write, writeParts } from "@/lib/store/sql-runner";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.exec(`
    CREATE TABLE "wait_a" (id serial PRIMARY KEY, v int UNIQUE);
    CREATE TABLE "wait_b" (id serial PRIMARY KEY, v int UNIQUE);`);
});
afterAll(() => db.close());

// `at` tells statements apart: a row's transaction and command id, and every statement of a
// transaction that writes has its own command id. (A clock would not do: the embedded
// database's counts whole milliseconds.)
const rows = (table: string) =>
  db.sql.query<{ v: number; at: string }>(`SELECT v, xmin::text || ':' || cmin::text AS at FROM "${table}" ORDER BY id`);
const insert = (table: string, v: number) => ({ text: `INSERT INTO "${table}" (v) VALUES ($1)`, params: [v] });

describe("writes that wait inside a transaction (combined-writes.ts)", () => {
  it("go in one statement for different tables, the next for a table again, and the transaction's next statement sees them", async () => {
    const seen = await db.sql.transaction(async (tx) => {
      await write(tx, insert("wait_a", 1).text, [1]);
      await write(tx, insert("wait_b", 1).text, [1]);
      await write(tx, insert("wait_a", 2).text, [2]);
      return tx.query<{ n: number }>(`SELECT (SELECT count(*) FROM "wait_a")::int + (SELECT count(*) FROM "wait_b")::int AS n`);
    });
    expect(seen).toEqual([{ n: 3 }]);
    const [a1, a2] = await rows("wait_a");
    const [b1] = await rows("wait_b");
    expect([a1?.v, a2?.v]).toEqual([1, 2]);
    expect(b1?.at).toEqual(a1?.at);
    expect(a2?.at).not.toEqual(a1?.at);
  });

  it("are sent before COMMIT when nothing follows them, and a write in parts goes in one statement", async () => {
    await db.sql.transaction(async (tx) => {
      await writeParts(tx, [insert("wait_a", 10), insert("wait_b", 10)]);
    });
    const [a] = (await rows("wait_a")).filter((r) => r.v === 10);
    const [b] = (await rows("wait_b")).filter((r) => r.v === 10);
    expect(b?.at).toEqual(a?.at);
  });

  it("fail their transaction when one of them fails, and nothing of it is stored", async () => {
    const before = [await rows("wait_a"), await rows("wait_b")];
    await expect(
      db.sql.transaction(async (tx) => {
        await write(tx, insert("wait_b", 20).text, [20]);
        await write(tx, insert("wait_a", 1).text, [1]); // v = 1 is stored: a unique violation
      }),
    ).rejects.toThrow(/duplicate key/);
    expect([await rows("wait_a"), await rows("wait_b")]).toEqual(before);
  });

  it("run at once outside a transaction, one statement per part", async () => {
    await writeParts(db.sql, [insert("wait_a", 30), insert("wait_b", 30)]);
    const [a] = (await rows("wait_a")).filter((r) => r.v === 30);
    const [b] = (await rows("wait_b")).filter((r) => r.v === 30);
    expect(a).toBeDefined();
    expect(b?.at).not.toEqual(a?.at);
  });

  it("refuse a statement that cannot be combined, where it is made", async () => {
    await expect(db.sql.transaction(async (tx) => write(tx, `SELECT 1`, []))).rejects.toThrow(/only an INSERT, UPDATE or DELETE/);
  });
});
