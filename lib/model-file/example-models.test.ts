import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import type { ModelFile, ModelSystem } from "@/lib/model-file/schemas";
import { parentOf } from "@/lib/vsm/model/path";
import { FUNCTION_KINDS, INDEX_KINDS } from "@/lib/vsm/model/kinds";

/**
 * The example models are what new users see first, and later diagnosis, seeding and e2e tests
 * rely on their shape: these tests pin the properties that matter, including the gaps that are
 * left in on purpose so that structural diagnosis has findings.
 */

const seedDir = path.join(import.meta.dirname, "../../prisma/seed");
const UNIT_KINDS = ["command", "resource_bargain", "coordination", "audit", "algedonic"] as const;

interface Example {
  file: string;
  root: string;
  name: string;
  systems: [min: number, max: number];
  levelOne: string[];
  /** Functions left out or recorded as not present: `path kind`. */
  missingFunctions: string[];
  /** Unit channels a parent lacks towards a child: `path kind unit`. */
  missingUnitChannels: string[];
  unowned: string[];
}

const examples: Example[] = [
  {
    file: "cybersyn-economy.yaml",
    root: "economy",
    name: "Cybersyn economy",
    systems: [40, 80],
    levelOne: ["economy/textiles", "economy/mining", "economy/food", "economy/construction", "economy/forestry"],
    missingFunctions: ["economy/textiles/sumar s3star", "economy/food/southern-dairies s4", "economy/forestry s2"],
    missingUnitChannels: [
      "economy/textiles/sumar audit economy/textiles/sumar/cotton-mill",
      "economy/textiles/sumar audit economy/textiles/sumar/nylon-plant",
      "economy/construction algedonic economy/construction/fanaloza",
      "economy/forestry coordination economy/forestry/celulosa-arauco",
      "economy/forestry coordination economy/forestry/celulosa-constitucion",
      "economy/forestry coordination economy/forestry/panguipulli",
    ],
    unowned: ["economy/mining/el-salvador/potrerillos-smelter"],
  },
  {
    file: "saas-platform.yaml",
    root: "acme",
    name: "Acme Cloud",
    systems: [30, 60],
    levelOne: ["acme/payments", "acme/identity", "acme/data", "acme/platform", "acme/customer"],
    missingFunctions: ["acme/data/analytics s3star", "acme/customer s4"],
    missingUnitChannels: [
      "acme/data/analytics audit acme/data/analytics/query-engine",
      "acme/data/analytics audit acme/data/analytics/etl-pipelines",
      "acme/data/analytics audit acme/data/analytics/dashboards",
      "acme/platform/delivery algedonic acme/platform/delivery/build-runners",
    ],
    unowned: ["acme/identity/directory/scim-sync"],
  },
];

const level = (system: ModelSystem) => system.path.split("/").length - 1;

describe.each(examples)("example model $file", (example) => {
  const text = readFileSync(path.join(seedDir, example.file), "utf8");
  const model: ModelFile = parseModel(text, "yaml");
  const { systems } = model;
  const byPath = new Map(systems.map((s) => [s.path, s]));
  const childrenOf = (p: string) => systems.filter((s) => parentOf(s.path) === p);
  const leaves = systems.filter((s) => childrenOf(s.path).length === 0);
  const indicators = systems.flatMap((s) => s.indicators.map((indicator) => ({ system: s, indicator })));

  it("is a version 1 file with a name and a description", () => {
    const keys = text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
    expect(keys.slice(0, 3).map((line) => line.split(":")[0])).toEqual(["version", "name", "description"]);
    expect(keys[0]).toBe("version: 1");
    expect(model.version).toBe(1);
    expect(model.name).toBe(example.name);
    expect(model.description?.length).toBeGreaterThan(40);
  });

  it("reads the same through JSON", () => {
    expect(parseModel(JSON.stringify(model), "json")).toEqual(model);
  });

  it("has one root and exactly four recursion levels", () => {
    expect(systems.filter((s) => level(s) === 0).map((s) => s.path)).toEqual([example.root]);
    expect(systems[0]?.path).toBe(example.root);
    expect(Math.max(...systems.map(level))).toBe(3);
    for (const l of [0, 1, 2, 3]) expect(systems.some((s) => level(s) === l)).toBe(true);
    expect(childrenOf(example.root).map((s) => s.path)).toEqual(example.levelOne);
  });

  it(`has between ${example.systems[0]} and ${example.systems[1]} systems`, () => {
    expect(systems.length).toBeGreaterThanOrEqual(example.systems[0]);
    expect(systems.length).toBeLessThanOrEqual(example.systems[1]);
  });

  it("lists parents before their units, so the file reads as a tree", () => {
    const seen = new Set<string>();
    for (const s of systems) {
      const parent = parentOf(s.path);
      if (parent !== null) expect(seen.has(parent), `${s.path} before ${parent}`).toBe(true);
      seen.add(s.path);
    }
  });

  it("reaches every leaf at the deepest level, through units that each have units", () => {
    expect(leaves.map(level).every((l) => l === 3)).toBe(true);
    for (const s of systems.filter((x) => level(x) < 3)) expect(childrenOf(s.path).length).toBeGreaterThan(0);
  });

  it("gives every system a distinct readable name and a purpose", () => {
    expect(new Set(systems.map((s) => s.name)).size).toBe(systems.length);
    for (const s of systems) {
      expect(s.name, s.path).toMatch(/^[A-ZÁÉÍÓÚ]/);
      expect(s.name).not.toBe(s.path.slice(s.path.lastIndexOf("/") + 1));
      expect(s.purpose.length, s.path).toBeGreaterThan(10);
    }
  });

  it("gives every system an owner except the deliberate gaps", () => {
    expect(systems.filter((s) => s.owner === undefined).map((s) => s.path)).toEqual(example.unowned);
  });

  it("has every function except the deliberate gaps, and owners for those present", () => {
    const missing: string[] = [];
    for (const s of systems)
      for (const kind of FUNCTION_KINDS) {
        const fn = s.functions[kind];
        if (!fn?.present) missing.push(`${s.path} ${kind}`);
        else expect(fn.owner, `${s.path} ${kind}`).toBeDefined();
      }
    expect(missing.sort()).toEqual([...example.missingFunctions].sort());
  });

  it("explains every function recorded as not present", () => {
    for (const s of systems)
      for (const kind of FUNCTION_KINDS) {
        const fn = s.functions[kind];
        if (fn && !fn.present) expect(fn.notes.length, `${s.path} ${kind}`).toBeGreaterThan(10);
      }
  });

  it("connects every unit to its parent by every unit channel except the deliberate gaps", () => {
    const missing: string[] = [];
    for (const s of systems)
      for (const unit of childrenOf(s.path))
        for (const kind of UNIT_KINDS)
          if (!s.channels.some((c) => c.kind === kind && c.unit === unit.path)) missing.push(`${s.path} ${kind} ${unit.path}`);
    expect(missing.sort()).toEqual([...example.missingUnitChannels].sort());
  });

  it("has no audit channels without S3* nor coordination channels without S2", () => {
    for (const s of systems) {
      if (!s.functions.s3star?.present)
        expect(
          s.channels.filter((c) => c.kind === "audit"),
          s.path,
        ).toEqual([]);
      if (!s.functions.s2?.present)
        expect(
          s.channels.filter((c) => c.kind === "coordination"),
          s.path,
        ).toEqual([]);
    }
  });

  it("has a homeostat exactly where a system with units has both S3 and S4", () => {
    for (const s of systems.filter((x) => childrenOf(x.path).length > 0)) {
      const both = Boolean(s.functions.s3?.present && s.functions.s4?.present);
      expect(
        s.channels.some((c) => c.kind === "homeostat"),
        s.path,
      ).toBe(both);
    }
    for (const s of leaves)
      expect(
        s.channels.filter((c) => c.kind !== "environment"),
        s.path,
      ).toEqual([]);
  });

  it("links the root to its environment", () => {
    expect(byPath.get(example.root)?.channels.some((c) => c.kind === "environment")).toBe(true);
  });

  it("measures every system, leaves included", () => {
    for (const s of systems) expect(s.indicators.length, s.path).toBeGreaterThan(0);
    for (const s of leaves) expect(s.indicators.filter((i) => i.scope === "operations").length, s.path).toBeGreaterThan(1);
  });

  it("uses every index kind, both directions and both scopes", () => {
    expect(new Set(indicators.map(({ indicator }) => indicator.index))).toEqual(new Set(INDEX_KINDS));
    expect(new Set(indicators.map(({ indicator }) => indicator.direction))).toEqual(new Set(["up", "down"]));
    expect(new Set(indicators.map(({ indicator }) => indicator.scope))).toEqual(new Set(["operations", "environment"]));
    expect(indicators.filter(({ indicator }) => indicator.index === "raw").length).toBeGreaterThan(indicators.length / 3);
  });

  it("gives triple-index indicators positive, ordered capability and potentiality on up-measures", () => {
    for (const { system, indicator } of indicators) {
      const where = `${system.path} ${indicator.key}`;
      if (indicator.index === "raw") continue;
      expect(indicator.direction, where).toBe("up");
      if (indicator.index !== "performance") expect(indicator.capability, where).toBeGreaterThan(0);
      if (indicator.index !== "productivity") expect(indicator.potentiality, where).toBeGreaterThan(0);
      if (indicator.capability !== undefined && indicator.potentiality !== undefined)
        expect(indicator.potentiality, where).toBeGreaterThan(indicator.capability);
      if (indicator.unit === "%") {
        expect(indicator.capability ?? 0, where).toBeLessThanOrEqual(100);
        expect(indicator.potentiality ?? 0, where).toBeLessThanOrEqual(100);
      }
    }
  });

  it("leaves capability and potentiality off raw indicators", () => {
    for (const { system, indicator } of indicators.filter(({ indicator }) => indicator.index === "raw")) {
      expect([indicator.capability, indicator.potentiality], `${system.path} ${indicator.key}`).toEqual([undefined, undefined]);
    }
  });

  it("files every indicator under a family", () => {
    for (const { system, indicator } of indicators) expect(indicator.family, `${system.path} ${indicator.key}`).toBeDefined();
  });

  it("keeps environment indicators with S4: raw, and only where S4 is present above the leaves", () => {
    const environment = indicators.filter(({ indicator }) => indicator.scope === "environment");
    expect(environment.length).toBeGreaterThanOrEqual(4);
    expect(environment.some(({ system }) => system.path === example.root)).toBe(true);
    for (const { system, indicator } of environment) {
      const where = `${system.path} ${indicator.key}`;
      expect(indicator.index, where).toBe("raw");
      expect(level(system), where).toBeLessThan(3);
      expect(system.functions.s4?.present, where).toBe(true);
    }
  });
});

describe("cybersyn economy", () => {
  const model = parseModel(readFileSync(path.join(seedDir, "cybersyn-economy.yaml"), "utf8"), "yaml");
  const indicator = (systemPath: string, key: string) =>
    model.systems.find((s) => s.path === systemPath)?.indicators.find((i) => i.key === key);

  it("reports what Cybersyn's plants reported: production, stocks, absenteeism, energy", () => {
    const plants = model.systems.filter((s) => level(s) === 3);
    for (const plant of plants) {
      const families = new Set(plant.indicators.map((i) => i.family));
      expect(families.has("production"), plant.path).toBe(true);
      expect(
        plant.indicators.some((i) => i.key === "absenteeism" && i.direction === "down" && i.unit === "%"),
        plant.path,
      ).toBe(true);
    }
    const share = (family: string) => plants.filter((p) => p.indicators.some((i) => i.family === family)).length / plants.length;
    expect(share("stocks")).toBeGreaterThan(0.5);
    expect(share("energy")).toBeGreaterThan(0.5);
  });

  it("watches the copper price and import availability at S4", () => {
    expect(indicator("economy/mining", "lme-price")).toMatchObject({ scope: "environment", direction: "up", unit: "US¢/lb" });
    expect(indicator("economy", "spare-parts-filled")).toMatchObject({ scope: "environment", direction: "up" });
  });

  it("adds up: a sector's copper capability is the sum of its enterprises'", () => {
    const enterprises = model.systems.filter((s) => parentOf(s.path) === "economy/mining");
    const sum = enterprises.reduce((n, s) => n + (s.indicators.find((i) => i.key === "fine-copper")?.capability ?? NaN), 0);
    expect(indicator("economy/mining", "fine-copper")?.capability).toBe(sum);
  });
});

describe("saas platform", () => {
  const model = parseModel(readFileSync(path.join(seedDir, "saas-platform.yaml"), "utf8"), "yaml");

  it("is owned by teams", () => {
    const owners = model.systems.filter((s) => level(s) >= 2).map((s) => s.owner);
    expect(owners.filter((o) => o !== undefined).every((o) => /^team-[a-z-]+$/.test(o))).toBe(true);
  });

  it("watches request-serving components through their golden signals", () => {
    const serving = model.systems.filter((s) => s.indicators.some((i) => i.unit === "req/s"));
    expect(serving.length).toBeGreaterThanOrEqual(5);
    for (const s of serving) {
      expect(s.indicators.find((i) => i.unit === "req/s")?.index, s.path).toBe("productivity");
      expect(
        s.indicators.some((i) => i.unit === "ms" && i.direction === "down"),
        s.path,
      ).toBe(true);
    }
  });

  it("has business and environment indicators at the top", () => {
    const root = model.systems[0];
    expect(root?.indicators.map((i) => i.key)).toEqual(
      expect.arrayContaining(["mrr", "logo-churn", "competitor-price-index", "cloud-cost-per-request"]),
    );
    expect(root?.indicators.find((i) => i.key === "cloud-cost-per-request")).toMatchObject({
      scope: "environment",
      direction: "down",
    });
  });

  it("lists the systems by readable names", () => {
    expect(model.systems.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Acme Cloud", "Payments", "Payments API", "Ledger Database", "Login API"]),
    );
  });
});
