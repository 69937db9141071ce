import { afterEach, describe, expect, it } from "vitest";
import { openPostgres } from "@/lib/store/database";
import { applyMigrations, readMigrations } from "@/lib/store/migrate";
import { checkReadiness } from "@/lib/store/readiness";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe("checkReadiness", () => {
  it("is not ready until every migration is applied, and says which are pending", async () => {
    db = await createTestDatabase({ migrate: false });
    const names = (await readMigrations()).map((m) => m.name);
    expect(await checkReadiness(db)).toMatchObject({
      ready: false,
      database: { kind: db.kind, reachable: true },
      migrations: { applied: 0, pending: names },
    });
    await applyMigrations(db.sql);
    expect(await checkReadiness(db)).toMatchObject({
      ready: true,
      database: { reachable: true },
      migrations: { applied: names.length, pending: [] },
    });
  });

  it("reports an unreachable database without throwing", async () => {
    const nowhere = openPostgres("postgresql://postgres@127.0.0.1:1/none");
    try {
      const readiness = await checkReadiness(nowhere);
      expect(readiness.ready).toBe(false);
      expect(readiness.database).toMatchObject({ kind: "postgres", reachable: false, location: "PostgreSQL at 127.0.0.1:1/none" });
      expect(readiness.database.error).toMatch(/ECONNREFUSED/);
    } finally {
      await nowhere.close();
    }
  });
});
