import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportModel } from "@/lib/store/model-export";
import { importModel } from "@/lib/store/model-import";
import { parseModel } from "@/lib/model-file/parse-model";
import type { ModelFile } from "@/lib/model-file/schemas";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
    purpose: Sell widgets
    owner: board
    functions: { s3: { owner: ops-lead }, s4: {}, s5: { notes: "Policy set quarterly" } }
    channels:
      - { kind: command, unit: acme/plant }
      - { kind: homeostat, description: "S3 and S4 weekly review" }
  - path: acme/plant
    name: Plant
    functions: { s2: {}, s3: {} }
    policy: { escalation: { allowances: [3600000, 600000], remedyPeriods: 2 } }
    indicators:
      - { key: output, name: Output, unit: t/day, direction: up, index: productivity, capability: 120 }
      - { key: scrap, name: Scrap rate, unit: "%", direction: down }
`;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("importModel", () => {
  it("creates the tree with levels, parents, functions, channels and indicators", async () => {
    const summary = await importModel(db, parseModel(MODEL, "yaml"));
    expect(summary).toEqual({
      systems: { created: 2, updated: 0 },
      indicators: { created: 2, updated: 0 },
      channels: { created: 2, removed: 0 },
    });
    const plant = await db.prisma.system.findUniqueOrThrow({
      where: { path: "acme/plant" },
      include: { parent: true, functions: true, indicators: { orderBy: { key: "asc" } } },
    });
    expect(plant.level).toBe(1);
    expect(plant.slug).toBe("plant");
    expect(plant.parent?.path).toBe("acme");
    expect(
      plant.functions
        .filter((f) => f.present)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(["s2", "s3"]);
    expect(plant.functions).toHaveLength(5);
    expect(plant.indicators.map((i) => [i.key, i.index, i.capability])).toEqual([
      ["output", "productivity", 120],
      ["scrap", "raw", null],
    ]);
  });

  it("is idempotent: a second import creates nothing and the export is unchanged", async () => {
    const before = await exportModel(db);
    const summary = await importModel(db, parseModel(MODEL, "yaml"));
    expect(summary).toEqual({
      systems: { created: 0, updated: 2 },
      indicators: { created: 0, updated: 2 },
      channels: { created: 0, removed: 0 },
    });
    expect(await exportModel(db)).toEqual(before);
    expect(await db.prisma.system.count()).toBe(2);
    expect(await db.prisma.systemFunction.count()).toBe(10);
  });

  it("round-trips: importing an export changes nothing, and the export validates", async () => {
    const exported = await exportModel(db);
    expect(parseModel(JSON.stringify(exported), "json")).toEqual(exported);
    await importModel(db, exported);
    expect(await exportModel(db)).toEqual(exported);
    const acme = exported.systems.find((s) => s.path === "acme");
    expect(acme?.functions).toEqual({
      s3: { present: true, owner: "ops-lead", notes: "" },
      s4: { present: true, notes: "" },
      s5: { present: true, notes: "Policy set quarterly" },
    });
    expect(exported.systems.find((s) => s.path === "acme/plant")?.policy).toEqual({
      escalation: { allowances: [3600000, 600000], remedyPeriods: 2 },
    });
    expect(acme).not.toHaveProperty("policy");
  });

  it("updates in place and replaces an imported system's channels, keeping its observations", async () => {
    const output = await db.prisma.indicator.findFirstOrThrow({ where: { key: "output" } });
    await db.prisma.observation.create({ data: { indicatorId: output.id, observedAt: new Date(0), value: 100 } });
    const changed = MODEL.replace("name: Plant", "name: Main plant")
      .replace("- { kind: command, unit: acme/plant }", "- { kind: audit, unit: acme/plant }")
      .replace("S3 and S4 weekly review", "S3 and S4 daily review");
    const summary = await importModel(db, parseModel(changed, "yaml"));
    // The homeostat's new description is an update: neither created nor removed.
    expect(summary.channels).toEqual({ created: 1, removed: 1 });
    expect((await db.prisma.system.findUniqueOrThrow({ where: { path: "acme/plant" } })).name).toBe("Main plant");
    const channels = await db.prisma.channel.findMany({ orderBy: { kind: "asc" } });
    expect(channels.map((c) => [c.kind, c.description])).toEqual([
      ["audit", ""],
      ["homeostat", "S3 and S4 daily review"],
    ]);
    expect(await db.prisma.observation.count({ where: { indicatorId: output.id } })).toBe(1);
  });
});

describe("importModel's writes", () => {
  it("are one transaction: a statement failing late leaves the database as it was", async () => {
    const before = await exportModel(db);
    const model = parseModel(MODEL, "yaml");
    // Built by hand past validation (which caps units at 32 characters), so that the systems and
    // functions are written before the indicator statement fails.
    const failsLate: ModelFile = {
      ...model,
      systems: [
        ...model.systems.map((s) => ({ ...s, name: `${s.name} renamed` })),
        {
          path: "acme/depot",
          name: "Depot",
          purpose: "",
          functions: {},
          channels: [],
          indicators: [{ key: "stock", name: "Stock", unit: "u".repeat(33), direction: "up", index: "raw", scope: "operations" }],
        },
      ],
    };
    await expect(importModel(db, failsLate)).rejects.toThrow(/too long/);
    expect(await exportModel(db)).toEqual(before);
  });

  it("store hostile text verbatim: every value is a parameter, never SQL text", async () => {
    const hostile = [
      `Robert'); DROP TABLE "system"; --`,
      "NULL",
      '{"a","b"}',
      "back\\slash \\N",
      "tab\tnew\nline",
      "ü€😀",
      "$1 $$ $2 ::text[]",
    ];
    const model = parseModel(
      JSON.stringify({
        version: 1,
        systems: [
          {
            path: "evil",
            name: hostile[0],
            purpose: hostile.join(" | "),
            owner: "NULL",
            functions: { s5: { owner: hostile[2], notes: hostile[3] } },
            channels: [{ kind: "homeostat", description: hostile[4] }],
            indicators: [{ key: "x", name: hostile[5], unit: "'; --", direction: "up" }],
          },
        ],
      }),
      "json",
    );
    await importModel(db, model);
    expect((await exportModel(db)).systems.find((s) => s.path === "evil")).toEqual(model.systems[0]);
  });
});
