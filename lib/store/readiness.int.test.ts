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
  it("is not ready until every migration is applied, and says how many are pending", async () => {
    db = await createTestDatabase({ migrate: false });
    const count = (await readMigrations()).length;
    expect(await checkReadiness(db)).toEqual({
      ready: false,
      checks: { database: { ok: true }, migrations: { ok: false, applied: 0, pending: count, reason: `migrations pending: ${count}` } },
    });
    await applyMigrations(db.sql);
    expect(await checkReadiness(db)).toEqual({
      ready: true,
      checks: { database: { ok: true }, migrations: { ok: true, applied: count, pending: 0 } },
    });
  });

  it("reports a migration history that needs repair without its details", async () => {
    db = await createTestDatabase();
    await db.sql.query(`UPDATE "_prisma_migrations" SET checksum = 'edited'`);
    const readiness = await checkReadiness(db);
    expect(readiness.checks.migrations).toEqual({ ok: false, reason: "migration history needs repair (see the server log)" });
    expect(String(readiness.error)).toMatch(/was changed after it was applied/);
  });

  it("reports an unreachable database without throwing, keeping the raw error for the log", async () => {
    const nowhere = openPostgres("postgresql://secret_role:hunter2@127.0.0.1:1/secret_db");
    try {
      const readiness = await checkReadiness(nowhere);
      expect(readiness.ready).toBe(false);
      expect(readiness.checks).toEqual({
        database: { ok: false, reason: "database unreachable" },
        migrations: { ok: false, reason: "not checked" },
      });
      expect(String(readiness.error)).toMatch(/ECONNREFUSED/);
    } finally {
      await nowhere.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)("says the database refused the connection when the role is unknown", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.username = "no_such_role_vsm";
    const denied = openPostgres(url.toString());
    try {
      expect((await checkReadiness(denied)).checks.database).toEqual({ ok: false, reason: "database refused the connection" });
    } finally {
      await denied.close();
    }
  });
});
