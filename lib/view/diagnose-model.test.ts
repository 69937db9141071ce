import { describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { diagnoseModel } from "@/lib/view/diagnose-model";

const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme Cloud, owner: board }
  - { path: acme/pay, name: Payments, owner: team-pay }
  - { path: solo, name: Solo, owner: me }
`,
  "yaml",
);

describe("diagnoseModel", () => {
  it("gives one section per root, named by the root's system, with the tree's size", () => {
    const sections = diagnoseModel(MODEL);
    expect(sections.map((d) => [d.root, d.rootName, d.systemCount])).toEqual([
      ["acme", "Acme Cloud", 2],
      ["solo", "Solo", 1],
    ]);
  });

  it("diagnoses each tree on its own: findings stay within their tree", () => {
    const [acme, solo] = diagnoseModel(MODEL);
    const summary = (findings: NonNullable<typeof solo>["findings"]) =>
      findings.map((f) => `${f.rule} ${f.path} ${f.function ?? f.channel ?? ""}`.trim()).sort();
    expect(summary(solo!.findings)).toEqual([
      "missing-environment-link solo environment",
      "missing-function solo s3",
      "missing-function solo s4",
      "missing-function solo s5",
      "unmeasured-unit solo",
    ]);
    expect(new Set(acme!.findings.map((f) => f.path))).toEqual(new Set(["acme", "acme/pay"]));
    expect(summary(acme!.findings)).toContain("broken-algedonic-chain acme algedonic");
  });
});
