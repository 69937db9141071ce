import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { modelTrees } from "@/lib/model-file/model-trees";
import { diagnose } from "@/lib/vsm/diagnosis/diagnose";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { SystemTree } from "@/lib/vsm/model/tree";

/**
 * The example models carry a few gaps on purpose (each marked "# Deliberate gap" in the YAML).
 * Diagnosis must find exactly those — every one, and nothing else — read through the same parser
 * the app uses for model files.
 */
const seedDir = path.join(import.meta.dirname, "../../../prisma/seed");

function load(file: string): { text: string; tree: SystemTree } {
  const text = readFileSync(path.join(seedDir, file), "utf8");
  const [tree] = modelTrees(parseModel(text, "yaml"));
  return { text, tree: tree! };
}

const summary = (findings: Finding[]) =>
  findings.map((f) => [f.severity, f.rule, f.path, f.function ?? f.channel ?? "", f.unit ?? ""].join(" ").trim());

describe("diagnosis of the example models", () => {
  it("finds exactly the deliberate gaps of the SaaS platform", () => {
    const { text, tree } = load("saas-platform.yaml");
    const findings = diagnose(tree);
    expect(summary(findings)).toEqual([
      "critical broken-algedonic-chain acme/platform/delivery algedonic acme/platform/delivery/build-runners",
      "warning missing-function acme/customer s4",
      "warning missing-function acme/data/analytics s3star",
      "warning unowned-system acme/identity/directory/scim-sync",
    ]);
    expect(findings.length).toBe(text.match(/# Deliberate gap/g)?.length);
    expect(findings.map((f) => f.level)).toEqual([2, 1, 2, 3]);
  });

  it("finds exactly the deliberate gaps of the Cybersyn economy", () => {
    const { text, tree } = load("cybersyn-economy.yaml");
    const findings = diagnose(tree);
    expect(summary(findings)).toEqual([
      "critical broken-algedonic-chain economy/construction algedonic economy/construction/fanaloza",
      "warning missing-function economy/forestry s2",
      "warning missing-function economy/food/southern-dairies s4",
      "warning missing-function economy/textiles/sumar s3star",
      "warning unowned-system economy/mining/el-salvador/potrerillos-smelter",
    ]);
    expect(findings.length).toBe(text.match(/# Deliberate gap/g)?.length);
    expect(findings[0]?.message).toBe(
      'No algedonic channel from "economy/construction/fanaloza" to "economy/construction": pain in "economy/construction/fanaloza" and the 1 unit below it cannot reach the root\'s S5.',
    );
    expect(findings[1]?.message).toBe(
      '"economy/forestry" has no S2 coordination (not recorded): nothing damps oscillation between its 3 S1 units.',
    );
  });

  it("reports a silent plant as pain once activity is known", () => {
    const { tree } = load("cybersyn-economy.yaml");
    const now = Date.UTC(1972, 9, 20);
    const day = 24 * 3_600_000;
    const plant = "economy/textiles/yarur/spinning";
    const keys = tree.systems[plant]!.indicators.map((i) => i.key);
    const activity = keys.map((indicator) => ({ system: plant, indicator, period: day, lastObservedAt: now - 6 * day }));
    const findings = diagnose(tree, { silence: { now, activity } });
    expect(findings).toHaveLength(6);
    expect(findings[1]).toMatchObject({ rule: "silent-unit", severity: "critical", valence: "pain", path: plant, level: 3 });
    expect(findings.filter((f) => f.rule === "silent-indicator")).toEqual([]);
  });
});
