import { describe, expect, it } from "vitest";
import { modelTrees, toViableSystem } from "@/lib/model-file/model-trees";
import { parseModel } from "@/lib/model-file/parse-model";
import type { ModelFile } from "@/lib/model-file/schemas";

const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme, owner: board }
  - { path: acme/pay, name: Pay, functions: { s3: { owner: ops } } }
  - { path: economy, name: Economy }
  - { path: economy/mining, name: Mining }
  - { path: economy/mining/copper, name: Copper }
`,
  "yaml",
);

describe("modelTrees", () => {
  it("builds one tree per root, with levels from the paths", () => {
    const trees = modelTrees(MODEL);
    expect(trees.map((t) => t.root)).toEqual(["acme", "economy"]);
    expect(Object.keys(trees[1]!.systems).sort()).toEqual(["economy", "economy/mining", "economy/mining/copper"]);
    expect(trees[1]!.systems["economy/mining/copper"]?.level).toBe(2);
  });

  it("carries owner, functions and indicators across, and leaves an unset owner out", () => {
    const [acme, pay] = MODEL.systems.map(toViableSystem);
    expect(acme).toMatchObject({ path: "acme", parent: null, level: 0, name: "Acme", owner: "board" });
    expect(pay).toMatchObject({ parent: "acme", level: 1, functions: { s3: { present: true, owner: "ops" } } });
    expect(pay && "owner" in pay).toBe(false);
  });

  it("refuses an inconsistent tree", () => {
    const orphaned: ModelFile = { ...MODEL, systems: MODEL.systems.filter((s) => s.path !== "economy/mining") };
    expect(() => modelTrees(orphaned)).toThrow(/economy\/mining/);
  });
});
