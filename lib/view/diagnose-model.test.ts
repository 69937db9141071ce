import { describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { diagnoseModel, seriesToReadFor } from "@/lib/view/diagnose-model";
import type { Point } from "@/lib/vsm/temporal/bucket";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

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

describe("diagnoseModel from the data", () => {
  const model = parseModel(
    `version: 1
systems:
  - path: plant
    name: Plant
    owner: board
    functions: { s2: {} }
    channels: [{ kind: coordination, unit: plant/a }, { kind: coordination, unit: plant/b }]
  - path: plant/a
    name: A
    owner: ops
    policy: { audit: { tolerance: 0.25 } }
    indicators:
      - { key: load, name: Load, unit: "%", direction: down }
      - { key: orders, name: Orders, unit: 1/min, direction: up }
      - { key: orders-audit, name: Orders audited, unit: 1/min, direction: up }
  - path: plant/b
    name: B
    owner: ops
    indicators:
      - { key: load, name: Load, unit: "%", direction: down }
      - { key: orders, name: Orders, unit: 1/min, direction: up }
      - { key: orders-audit, name: Orders audited, unit: 1/min, direction: up }
`,
    "yaml",
  );
  const now = Date.UTC(2026, 0, 6);
  const minutes = (from: number, count: number, value: (k: number) => number): Point[] =>
    Array.from({ length: count }, (_, k) => ({ at: from + k * MINUTE, value: value(k) }));
  const wave = (k: number) => 3 * Math.cos((2 * Math.PI * k) / 8);
  // Both over-report by 20%: b beyond the default 10%, a within its own 25%.
  const stored = new Map([
    [
      "plant/a",
      new Map([
        ["load", minutes(now - 6 * HOUR, 360, (k) => 60 + wave(k))],
        ["orders", minutes(now - DAY, 1440, () => 120)],
        ["orders-audit", minutes(now - DAY, 1440, () => 100)],
      ]),
    ],
    [
      "plant/b",
      new Map([
        ["load", minutes(now - 6 * HOUR, 360, (k) => 60 - wave(k))],
        ["orders", minutes(now - DAY, 1440, () => 120)],
        ["orders-audit", minutes(now - DAY, 1440, () => 100)],
      ]),
    ],
  ]);

  it("names the series to read, and judges them under each unit's effective policy among the structural findings", () => {
    // Both units report "orders" too, so S2 watches it as well; the audit needs it over the longer window.
    expect(seriesToReadFor(model, now).map((r) => `${r.unit} ${r.key} ${(r.window.to - r.window.from) / HOUR}h`)).toEqual([
      "plant/a load 6h",
      "plant/b load 6h",
      "plant/a orders 24h",
      "plant/b orders 24h",
      "plant/a orders-audit 24h",
      "plant/b orders-audit 24h",
    ]);
    const [plant] = diagnoseModel(model, undefined, { now, stored });
    const data = plant!.findings.filter((f) => ["anti-phase-units", "audit-drift"].includes(f.rule));
    expect(data.map((f) => [f.rule, f.path, f.unit])).toEqual([
      ["anti-phase-units", "plant", "plant/a"],
      ["audit-drift", "plant", "plant/b"],
    ]);
    // Sorted among the rest, most urgent first.
    const ranks = plant!.findings.map((f) => ["critical", "warning", "info"].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(diagnoseModel(model)[0]!.findings.some((f) => f.rule === "audit-drift")).toBe(false);
  });
});
