import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { insertObservations } from "@/lib/store/observations";
import { importIndicators } from "@/lib/testing/import-indicators";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * Observations have no foreign key (it cost a check and a row lock per stored point): a trigger
 * deletes an indicator's observations with it, as ON DELETE CASCADE did, however the indicator goes.
 */
let db: TestDatabase;
let targets: Map<string, IndicatorTarget>;
beforeAll(async () => {
  db = await createTestDatabase();
  targets = await importIndicators(db, { acme: ["a"], "acme/plant": ["b", "c"] });
});
afterAll(() => db.close());

const counts = async () =>
  Object.fromEntries(
    (
      await db.sql.query<{ key: string; n: number }>(
        `SELECT i.key, count(o.*)::int AS n FROM "indicator" i LEFT JOIN "observation" o ON o.indicator_id = i.id GROUP BY i.key ORDER BY i.key`,
      )
    ).map((r) => [r.key, r.n]),
  );

describe("an indicator's observations", () => {
  it("go with the indicator, deleted on its own or with its system", async () => {
    const rows = [...targets.values()].flatMap((t) =>
      [1, 2, 3].map((k) => ({ indicatorId: t.id, time: Date.UTC(2026, 10, 1) + k * 60_000, value: k, stepped: false })),
    );
    await insertObservations(db.sql, rows);
    expect(await counts()).toEqual({ a: 3, b: 3, c: 3 });

    await db.sql.query(`DELETE FROM "indicator" WHERE key = 'b'`);
    expect(await counts()).toEqual({ a: 3, c: 3 });
    const orphans = `SELECT count(*)::int AS n FROM "observation" o WHERE NOT EXISTS (SELECT 1 FROM "indicator" i WHERE i.id = o.indicator_id)`;
    expect(await db.sql.query(orphans)).toEqual([{ n: 0 }]);

    await db.sql.query(`DELETE FROM "system" WHERE path = 'acme/plant'`);
    expect(await counts()).toEqual({ a: 3 });
    expect(await db.sql.query(orphans)).toEqual([{ n: 0 }]);
  });
});
