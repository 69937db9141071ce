import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadExample } from "@/lib/startup/load-example";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { readMigrations } from "@/lib/store/migrate";
import { exportModel } from "@/lib/store/model-export";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const silent = pino({ level: "silent" });
let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

describe("prepareDatabase", () => {
  it("migrates and seeds the chosen example on the first start, then does neither on the next", async () => {
    db = await createTestDatabase({ migrate: false });
    const names = (await readMigrations()).map((m) => m.name);
    expect(await prepareDatabase(db, { VSM_SEED_EXAMPLE: "cybersyn" }, silent)).toEqual({ migrationsApplied: names, seeded: "cybersyn" });
    const seeded = await exportModel(db);
    const paths = (await loadExample("cybersyn")).systems.map((s) => s.path);
    expect(seeded.systems.map((s) => s.path).sort()).toEqual([...paths].sort());
    expect(await prepareDatabase(db, { VSM_SEED_EXAMPLE: "saas" }, silent)).toEqual({ migrationsApplied: [], seeded: null });
    expect(await exportModel(db)).toEqual(seeded);
  });

  it("leaves a brand-new database empty with VSM_SEED_EXAMPLE=none", async () => {
    db = await createTestDatabase({ migrate: false });
    expect((await prepareDatabase(db, { VSM_SEED_EXAMPLE: "none" }, silent)).seeded).toBeNull();
    expect((await exportModel(db)).systems).toEqual([]);
  });

  it("does not seed a database that was already migrated, even an empty one", async () => {
    db = await createTestDatabase();
    expect(await prepareDatabase(db, { VSM_SEED_EXAMPLE: "saas" }, silent)).toEqual({ migrationsApplied: [], seeded: null });
    expect((await exportModel(db)).systems).toEqual([]);
  });
});
