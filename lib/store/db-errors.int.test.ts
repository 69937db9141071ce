import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyDatabaseError } from "@/lib/store/db-errors";
import { openPostgres } from "@/lib/store/database";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/** The classification is only as good as its match with what the real drivers throw: these are real. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.system.create({ data: { slug: "acme", path: "acme", level: 0, name: "Acme" } });
});
afterAll(() => db.drop());

async function failure(work: () => Promise<unknown>) {
  const error = await work().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeDefined();
  return classifyDatabaseError(error);
}

describe("classifyDatabaseError on real errors", () => {
  it("classifies Prisma's errors", async () => {
    const acme = { slug: "acme", path: "acme", level: 0, name: "Acme" };
    expect(await failure(() => db.prisma.system.create({ data: acme }))).toBe("unique_violation");
    expect(await failure(() => db.prisma.system.create({ data: { ...acme, path: "b", slug: "b", parentId: 99_999 } }))).toBe(
      "foreign_key_violation",
    );
    expect(await failure(() => db.prisma.system.update({ where: { path: "nowhere" }, data: { name: "x" } }))).toBe("record_not_found");
    expect(await failure(() => db.prisma.system.create({ data: { ...acme, path: "c", slug: "c", name: "x".repeat(300) } }))).toBe(
      "invalid_value",
    );
  });

  it("classifies raw SQL errors from the driver", async () => {
    const insert = "INSERT INTO system (slug, path, level, name, updated_at) VALUES ('acme', 'acme', 0, 'Acme', now())";
    expect(await failure(() => db.sql.query(insert))).toBe("unique_violation");
    expect(await failure(() => db.sql.query("SELECT no_such_column FROM system"))).toBeUndefined();
  });

  it("classifies a server that is not there as unreachable, through Prisma and through pg", async () => {
    const nowhere = openPostgres("postgresql://someone:secret@127.0.0.1:1/none");
    try {
      expect(await failure(() => nowhere.prisma.system.count())).toBe("unreachable");
      expect(await failure(() => nowhere.sql.query("SELECT 1"))).toBe("unreachable");
    } finally {
      await nowhere.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)("classifies an unknown role as access denied", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.username = "no_such_role_vsm";
    const denied = openPostgres(url.toString());
    try {
      expect(await failure(() => denied.prisma.system.count())).toBe("access_denied");
      expect(await failure(() => denied.sql.query("SELECT 1"))).toBe("access_denied");
    } finally {
      await denied.close();
    }
  });
});
