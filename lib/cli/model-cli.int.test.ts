import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCliDatabase, type CliDatabase } from "@/lib/testing/cli-database";

/**
 * Runs the real `npm run model` command against a database of its own: a fresh PostgreSQL
 * database when DATABASE_URL is set, otherwise a fresh embedded data folder.
 */
const work = mkdtempSync(path.join(tmpdir(), "vsm-cli-files-"));
let cli: CliDatabase;

const model = (...args: string[]) => cli.run("lib/cli/model.ts", ...args);

/** Reads the stored model with the same code the console uses, after the CLI has exited. */
function storedModel(): Promise<string> {
  return cli.withDatabase(async (db) => {
    const rows = await db.prisma.system.findMany({
      orderBy: { path: "asc" },
      include: { indicators: true, functions: true, channels: true },
    });
    return JSON.stringify(rows);
  });
}

const GOOD = `version: 1
systems:
  - path: shop
    name: Shop
  - path: shop/till
    name: Till
    indicators:
      - { key: sales, name: Sales, unit: EUR/h, direction: up }
`;

const BAD = `version: 1
systems:
  - path: shop
    name: Shop renamed
  - path: shop/till
    name: Till
    indicators:
      - { key: sales, name: Sales, unit: EUR/h, direction: sideways }
  - path: shop/door
    name: ""
    colour: red
  - path: nowhere/lost
    name: Orphan
`;

beforeAll(async () => {
  cli = await createCliDatabase();
});
afterAll(() => cli.drop());

describe("npm run model", () => {
  it("imports a good file", () => {
    writeFileSync(path.join(work, "good.yaml"), GOOD);
    const result = model("import", path.join(work, "good.yaml"));
    expect(result.stderr).not.toMatch(/problem/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/systems 2 created, 0 updated; indicators 1 created/);
  });

  it("rejects a malformed file whole, printing every problem with its path, database unchanged", async () => {
    const before = await storedModel();
    writeFileSync(path.join(work, "bad.yaml"), BAD);
    const result = model("import", path.join(work, "bad.yaml"));
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toBe(`${path.join(work, "bad.yaml")} was not imported: 4 problems; the database is unchanged.`);
    expect(lines.slice(1).sort()).toEqual(
      [
        'systems[1].indicators[0].direction: expected "up" | "down"',
        "systems[2].name: must not be empty",
        'systems[2]: unknown field "colour"',
        'systems[3].path: parent "nowhere" is not in the file',
      ].sort(),
    );
    expect(await storedModel()).toBe(before);
  });

  it("exports YAML and JSON that import back unchanged", async () => {
    const before = await storedModel();
    for (const file of ["out.yaml", "out.json"]) {
      const target = path.join(work, file);
      expect(model("export", target).status).toBe(0);
      const text = readFileSync(target, "utf8");
      const exported = file.endsWith(".json") ? JSON.parse(text) : parse(text);
      expect(exported.systems.map((s: { path: string }) => s.path)).toEqual(["shop", "shop/till"]);
      const again = model("import", target);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/systems 0 created, 2 updated/);
    }
    const after = JSON.parse(await storedModel()) as { updatedAt: string }[];
    const strip = (rows: { updatedAt: string }[]) => rows.map(({ updatedAt: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(JSON.parse(before)));
  });

  it("explains its usage and unknown formats", () => {
    expect(model("frobnicate", "x.yaml").stderr).toMatch(/^Usage: npm run model -- import FILE/);
    expect(model("import", "model.txt").stderr).toMatch(/cannot tell the format of "model.txt"/);
    expect(model("import", path.join(work, "missing.yaml")).stderr).toMatch(/^Cannot read .*missing.yaml/);
  });
});
