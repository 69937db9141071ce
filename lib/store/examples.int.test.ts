import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, type ExampleName } from "@/lib/model-file/examples";
import { loadExample } from "@/lib/startup/load-example";
import { exportModel } from "@/lib/store/model-export";
import { importModel } from "@/lib/store/model-import";
import { diagnoseModel } from "@/lib/view/diagnose-model";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("example models (what npm run db:seed imports)", () => {
  const names = Object.keys(EXAMPLES) as ExampleName[];

  it("import side by side, with every system, function and indicator of each file", async () => {
    for (const name of names) {
      const model = await loadExample(name);
      const summary = await importModel(db, model);
      expect(summary.systems).toEqual({ created: model.systems.length, updated: 0 });
      const indicators = model.systems.reduce((n, s) => n + s.indicators.length, 0);
      expect(summary.indicators).toEqual({ created: indicators, updated: 0 });
    }
    const total = (await Promise.all(names.map(loadExample))).reduce((n, m) => n + m.systems.length, 0);
    expect(await db.prisma.system.count()).toBe(total);
    expect(await db.prisma.systemFunction.count()).toBe(total * 5);
    expect(await db.prisma.system.count({ where: { parentId: null } })).toBe(names.length);
    expect(await db.prisma.system.aggregate({ _max: { level: true } })).toEqual({ _max: { level: 3 } });
  });

  it("import idempotently: a second seed creates nothing and changes nothing", async () => {
    const before = await exportModel(db);
    for (const name of names) {
      const summary = await importModel(db, await loadExample(name));
      expect(summary.systems.created).toBe(0);
      expect(summary.indicators.created).toBe(0);
      expect(summary.channels).toEqual({ created: 0, removed: 0 });
    }
    expect(await exportModel(db)).toEqual(before);
  });

  it("diagnose per root, each finding exactly its file's deliberate gaps", async () => {
    const diagnoses = diagnoseModel(await exportModel(db));
    expect(diagnoses.map((d) => [d.root, d.rootName, d.systemCount, d.findings.length])).toEqual([
      ["acme", "Acme Cloud", 45, 4],
      ["economy", expect.any(String), 56, 5],
    ]);
    expect(diagnoses.flatMap((d) => d.findings.filter((f) => f.severity === "critical").map((f) => f.rule))).toEqual([
      "broken-algedonic-chain",
      "broken-algedonic-chain",
    ]);
  });
});
