import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, migrationStatus, readMigrations, MigrationError } from "@/lib/store/migrate";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe("migration runner", () => {
  it("applies every migration once and records it the way Prisma Migrate does", async () => {
    db = await createTestDatabase({ migrate: false });
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(await migrationStatus(db.sql)).toEqual({ applied: [], pending: migrations.map((m) => m.name) });

    expect(await applyMigrations(db.sql)).toEqual(migrations.map((m) => m.name));
    // A second start changes nothing.
    expect(await applyMigrations(db.sql)).toEqual([]);

    const rows = await db.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toHaveLength(migrations.length);
    rows.forEach((row, i) => {
      expect(row.migration_name).toBe(migrations[i]!.name);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.checksum).toBe(migrations[i]!.checksum);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
    });
    expect(await migrationStatus(db.sql)).toEqual({ applied: migrations.map((m) => m.name), pending: [] });
  });

  it("refuses a migration that was edited after it was applied", async () => {
    db = await createTestDatabase();
    const migrations = await readMigrations();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(db.sql, edited)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(db.sql, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    db = await createTestDatabase();
    const broken = {
      name: "29990101000000_broken",
      script: `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";`,
      checksum: "f".repeat(64),
    };
    const all = [...(await readMigrations()), broken];
    await expect(applyMigrations(db.sql, all)).rejects.toThrow(/29990101000000_broken failed: .*no_such_table/);
    const [table] = await db.sql.query<{ present: boolean }>(`SELECT to_regclass('half_done') IS NOT NULL AS present`);
    expect(table?.present).toBe(false);
    expect((await migrationStatus(db.sql, all)).pending).toEqual([broken.name]);
  });

  it("refuses to run past a migration that started but never finished", async () => {
    db = await createTestDatabase();
    await db.sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count) VALUES ('x', 'y', 'z_failed', 0)`,
    );
    await expect(migrationStatus(db.sql)).rejects.toThrow(/z_failed started but did not finish/);
  });
});
