import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockCursors } from "@/lib/store/filter-cursors";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { insertObservations } from "@/lib/store/observations";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { importIndicators } from "@/lib/testing/import-indicators";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let db: TestDatabase;
let a: IndicatorTarget;
let b: IndicatorTarget;
beforeAll(async () => {
  db = await createTestDatabase();
  const targets = await importIndicators(db, { acme: ["a", "b"] });
  a = targets.get("a")!;
  b = targets.get("b")!;
});
afterAll(() => db.close());

/** The statements a transaction sends, by their first words. */
function counting(tx: SqlRunner): { runner: SqlRunner; statements: string[] } {
  const statements: string[] = [];
  const runner: SqlRunner = {
    exec: (script) => tx.exec(script),
    transaction: (work) => tx.transaction(work),
    query: <Row extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      statements.push(text.trim().split(/\s+/).slice(0, 2).join(" "));
      return tx.query<Row>(text, params);
    },
  };
  return { runner, statements };
}

describe("lockCursors", () => {
  it("creates missing cursors and locks them all, and skips the insert when told they exist", async () => {
    await db.sql.transaction(async (tx) => {
      const { runner, statements } = counting(tx);
      const cursors = await lockCursors(runner, [b.id, a.id, a.id]);
      expect([...cursors.keys()]).toEqual([a.id, b.id].sort((x, y) => x - y));
      expect(cursors.get(a.id)).toEqual({ indicatorId: a.id, steps: 0, steppedThrough: null, storedThrough: null, binWidth: null });
      expect(statements).toEqual(["INSERT INTO", "SELECT indicator_id"]);
    });
    await db.sql.transaction(async (tx) => {
      const { runner, statements } = counting(tx);
      expect((await lockCursors(runner, [a.id, b.id], () => true)).size).toBe(2);
      expect(statements).toEqual(["SELECT indicator_id"]);
    });
  });

  it("creates a cursor it was told exists when it does not, from the points already stored, and refuses one whose indicator is gone", async () => {
    await db.sql.query(`DELETE FROM "filter_cursor" WHERE indicator_id = $1`, [b.id]);
    const stored = Date.UTC(2026, 10, 1, 12);
    await insertObservations(db.sql, [
      { indicatorId: b.id, time: stored - 60_000, value: 1, stepped: false },
      { indicatorId: b.id, time: stored, value: 2, stepped: false },
    ]);
    await db.sql.transaction(async (tx) => {
      const cursors = await lockCursors(tx, [a.id, b.id], () => true);
      expect([...cursors.keys()]).toHaveLength(2);
      // Points stored before the cursor existed count as stored: a batch will look them up before stepping.
      expect(cursors.get(b.id)).toMatchObject({ steps: 0, steppedThrough: null, storedThrough: stored });
    });
    const gone = a.id + b.id + 1_000;
    await expect(db.sql.transaction((tx) => lockCursors(tx, [a.id, gone], () => true))).rejects.toMatchObject({ code: "23503" });
  });

  it("holds the lock until the transaction ends: a second batch for the same indicator waits", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const first = db.sql.transaction(async (tx) => {
      await lockCursors(tx, [a.id], () => true);
      order.push("first locked");
      await held;
      order.push("first done");
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = db.sql.transaction(async (tx) => {
      await lockCursors(tx, [a.id], () => true);
      order.push("second locked");
    });
    await new Promise((r) => setTimeout(r, 100));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first locked", "first done", "second locked"]);
  });
});
