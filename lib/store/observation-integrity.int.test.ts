import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { importModel } from "@/lib/store/model-import";
import { insertObservations } from "@/lib/store/observations";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * Observations have no foreign key (it cost a check and a row lock per stored point): a trigger
 * deletes an indicator's observations with it, as ON DELETE CASCADE did, however the indicator goes.
 */
const MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
    indicators:
      - { key: a, name: A, unit: ms, direction: down }
  - path: acme/plant
    name: Plant
    indicators:
      - { key: b, name: B, unit: ms, direction: down }
      - { key: c, name: C, unit: ms, direction: down }
`;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel(MODEL, "yaml"));
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
    const targets = await indicatorsByName(db.sql, [
      { unitPath: "acme", key: "a" },
      { unitPath: "acme/plant", key: "b" },
      { unitPath: "acme/plant", key: "c" },
    ]);
    const rows = targets.flatMap((t) =>
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
