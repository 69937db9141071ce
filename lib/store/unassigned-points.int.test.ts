import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnassigned, listUnassigned, unassignedTotals } from "@/lib/store/unassigned-points";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const T = Date.UTC(2026, 10, 30, 8);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  const batch = (at: number, groups: Parameters<typeof countUnassigned>[1]) => db.sql.transaction((tx) => countUnassigned(tx, groups, at));
  await batch(T, [
    { source: "otlp", unitPath: "acme/ops", indicatorKey: "queue-depth", code: "unknown_indicator", count: 8_000 },
    { source: "json", unitPath: "acme/x", indicatorKey: "a", code: "unknown_unit", count: 7 },
  ]);
  await batch(T + 60_000, [
    { source: "otlp", unitPath: "acme/ops", indicatorKey: "queue-depth", code: "unknown_indicator", count: 4_000 },
    { source: "otlp", unitPath: null, indicatorKey: "cpu", code: "missing_unit", count: 30 },
    { source: "otlp", unitPath: "acme/y", indicatorKey: "b", code: "unknown_unit", count: 4 },
  ]);
});
afterAll(() => db.drop());

describe("unassigned points", () => {
  it("totals points and names per source over every name, however many are listed", async () => {
    expect(await unassignedTotals(db.sql)).toEqual([
      { source: "json", points: 7, names: 1, units: 1 },
      { source: "otlp", points: 12_034, names: 3, units: 3 },
    ]);
  });

  it("lists one source's names, most recently seen first, up to the limit", async () => {
    const otlp = await listUnassigned(db.sql, { source: "otlp", limit: 2 });
    expect(otlp.map((r) => [r.unitPath, r.indicatorKey, r.count, r.firstSeen, r.lastSeen])).toEqual([
      [null, "cpu", 30, T + 60_000, T + 60_000],
      ["acme/ops", "queue-depth", 12_000, T, T + 60_000],
    ]);
    expect((await listUnassigned(db.sql)).map((r) => r.source)).toEqual(["otlp", "otlp", "otlp", "json"]);
    expect(await listUnassigned(db.sql, { source: "prometheus" })).toEqual([]);
  });
});
