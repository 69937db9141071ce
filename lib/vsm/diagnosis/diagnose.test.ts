import { describe, expect, it } from "vitest";
import { diagnose } from "@/lib/vsm/diagnosis/diagnose";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { FUNCTION_KINDS, UNIT_CHANNEL_KINDS, type FunctionKind } from "@/lib/vsm/model/kinds";
import { makeSystem } from "@/lib/vsm/model/make-system";
import { parentOf } from "@/lib/vsm/model/path";
import type { Channel, Indicator, SystemFunction, ViableSystem } from "@/lib/vsm/model/system";
import { buildTree, type SystemTree } from "@/lib/vsm/model/tree";
import { subtree } from "@/lib/vsm/model/tree-queries";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { HOUR, MINUTE } from "@/lib/vsm/types";

const ops = (key: string): Indicator => ({ key, name: key, unit: "%", direction: "up", index: "raw", scope: "operations" });

/** A model with nothing to report: every function owned, every channel, an indicator each. */
function healthy(paths: string[]): ViableSystem[] {
  const childrenOf = (p: string) => paths.filter((q) => parentOf(q) === p);
  return paths.map((path) => {
    const units = childrenOf(path);
    const functions = Object.fromEntries(FUNCTION_KINDS.map((k) => [k, { present: true, owner: `${k}-owner` }])) as Record<
      FunctionKind,
      SystemFunction
    >;
    const channels: Channel[] = units.flatMap((unit) => UNIT_CHANNEL_KINDS.map((kind) => ({ kind, unit })));
    if (units.length > 0) channels.push({ kind: "homeostat" });
    if (parentOf(path) === null) channels.push({ kind: "environment" });
    return makeSystem(path, { owner: "team", functions, channels, indicators: [ops("throughput")] });
  });
}

function tree(systems: ViableSystem[]): SystemTree {
  const built = buildTree(systems);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join("\n"));
  return built.tree;
}

function edit(systems: ViableSystem[], path: string, change: (s: ViableSystem) => Partial<ViableSystem>): ViableSystem[] {
  return systems.map((s) => (s.path === path ? { ...s, ...change(s) } : s));
}

const without = (s: ViableSystem, kind: FunctionKind) => ({ functions: { ...s.functions, [kind]: undefined } });
const summary = (findings: Finding[]) =>
  findings.map((f) => [f.rule, f.severity, f.path, f.function ?? f.channel ?? f.indicator ?? "", f.unit ?? ""].join(" ").trim());

const PATHS = ["acme", "acme/ops", "acme/ops/pay", "acme/ops/ship", "acme/sales", "acme/sales/eu"];

describe("diagnose: functions", () => {
  it("finds nothing in a complete model", () => {
    expect(diagnose(tree(healthy(PATHS)))).toEqual([]);
  });

  it("reports missing functions above the leaves with their severity, level and a fix hint", () => {
    let systems = healthy(PATHS);
    for (const kind of FUNCTION_KINDS) systems = edit(systems, "acme/ops", (s) => without(s, kind));
    const findings = diagnose(tree(systems));
    expect(summary(findings)).toEqual([
      "missing-function critical acme/ops s3",
      "missing-function critical acme/ops s5",
      "missing-function warning acme/ops s2",
      "missing-function warning acme/ops s3star",
      "missing-function warning acme/ops s4",
    ]);
    expect(findings.every((f) => f.level === 1 && f.hint.length > 10)).toBe(true);
    expect(findings[0]?.message).toBe(
      '"acme/ops" has no S3 control (not recorded): nobody allocates resources to its 2 S1 units or bargains with them.',
    );
  });

  it("says when a function was recorded as absent, and why", () => {
    const systems = edit(healthy(PATHS), "acme", (s) => ({
      functions: { ...s.functions, s4: { present: false, notes: "no research" }, s3star: { present: false } },
    }));
    expect(diagnose(tree(systems)).map((f) => f.message)).toEqual([
      '"acme" has no S3* audit (recorded as absent): nobody independently checks the reports of its 2 S1 units.',
      '"acme" has no S4 intelligence (recorded as absent: no research): nobody watches its environment and its future.',
    ]);
  });

  it("expects S2 only where there are two or more S1 units", () => {
    const single = edit(healthy(PATHS), "acme/sales", (s) => without(s, "s2"));
    expect(diagnose(tree(single))).toEqual([]);
    const pair = edit(healthy(PATHS), "acme/ops", (s) => without(s, "s2"));
    expect(summary(diagnose(tree(pair)))).toEqual(["missing-function warning acme/ops s2"]);
  });

  it("at a leaf, reports missing S3, S4 and S5 as information and does not expect S2 or S3*", () => {
    let systems = healthy(PATHS);
    for (const kind of FUNCTION_KINDS) systems = edit(systems, "acme/sales/eu", (s) => without(s, kind));
    const findings = diagnose(tree(systems));
    expect(summary(findings)).toEqual([
      "missing-function info acme/sales/eu s3",
      "missing-function info acme/sales/eu s4",
      "missing-function info acme/sales/eu s5",
    ]);
    expect(findings[0]).toMatchObject({ level: 2, message: 'Leaf "acme/sales/eu" has no S3 control (not recorded).' });
  });

  it("uses the singular for a system with one S1 unit", () => {
    const systems = edit(healthy(PATHS), "acme/sales", (s) => without(s, "s3"));
    expect(diagnose(tree(systems))[0]?.message).toContain("nobody allocates resources to its S1 unit or bargains");
  });
});

describe("diagnose: channels", () => {
  it("reports each missing unit channel at the system that should hold it", () => {
    const systems = edit(healthy(PATHS), "acme/ops", (s) => ({
      channels: s.channels.filter((c) => !(c.unit === "acme/ops/ship" && c.kind !== "algedonic") && c.kind !== "homeostat"),
    }));
    const findings = diagnose(tree(systems));
    expect(summary(findings)).toEqual([
      "missing-channel warning acme/ops audit acme/ops/ship",
      "missing-channel warning acme/ops command acme/ops/ship",
      "missing-channel warning acme/ops coordination acme/ops/ship",
      "missing-channel warning acme/ops homeostat",
      "missing-channel warning acme/ops resource_bargain acme/ops/ship",
    ]);
    expect(findings[0]).toMatchObject({ level: 1, hint: 'Add an audit channel from "acme/ops" to "acme/ops/ship".' });
    expect(findings[1]?.message).toBe(
      '"acme/ops" has no command channel to its S1 unit "acme/ops/ship": S3 cannot pass instructions down to it.',
    );
  });

  it("does not repeat a missing function as missing channels", () => {
    let systems = edit(healthy(PATHS), "acme/ops", (s) => ({
      ...without(s, "s3star"),
      channels: s.channels.filter((c) => c.kind !== "audit"),
    }));
    systems = edit(systems, "acme", (s) => ({ ...without(s, "s4"), channels: s.channels.filter((c) => c.kind !== "homeostat") }));
    systems = edit(systems, "acme/sales", (s) => ({
      ...without(s, "s3"),
      channels: s.channels.filter((c) => c.kind !== "command" && c.kind !== "resource_bargain"),
    }));
    expect(summary(diagnose(tree(systems)))).toEqual([
      "missing-function critical acme/sales s3",
      "missing-function warning acme s4",
      "missing-function warning acme/ops s3star",
    ]);
  });

  it("wants a coordination channel per unit wherever S2 is present, even with one unit", () => {
    const systems = edit(healthy(PATHS), "acme/sales", (s) => ({ channels: s.channels.filter((c) => c.kind !== "coordination") }));
    expect(summary(diagnose(tree(systems)))).toEqual(["missing-channel warning acme/sales coordination acme/sales/eu"]);
  });

  it("wants the root to face its environment, and environment indicators to name their link", () => {
    let systems = edit(healthy(PATHS), "acme", (s) => ({ channels: s.channels.filter((c) => c.kind !== "environment") }));
    systems = edit(systems, "acme/ops", (s) => ({ indicators: [...s.indicators, { ...ops("market"), scope: "environment" }] }));
    const findings = diagnose(tree(systems));
    expect(summary(findings)).toEqual([
      "missing-environment-link warning acme environment",
      "missing-environment-link info acme/ops environment",
    ]);
    const linked = edit(systems, "acme/ops", (s) => ({ channels: [...s.channels, { kind: "environment" }] }));
    expect(summary(diagnose(tree(linked)))).toEqual(["missing-environment-link warning acme environment"]);
    const heldAbove = edit(systems, "acme", (s) => ({ channels: [...s.channels, { kind: "environment", unit: "acme/ops" }] }));
    expect(summary(diagnose(tree(heldAbove)))).toEqual(["missing-environment-link warning acme environment"]);
  });
});

describe("diagnose: algedonic chain", () => {
  it("reports each broken link once, critically, with how much it cuts off from the root", () => {
    let systems = edit(healthy([...PATHS, "acme/ops/pay/api", "acme/ops/pay/db"]), "acme", (s) => ({
      channels: s.channels.filter((c) => !(c.kind === "algedonic" && c.unit === "acme/ops")),
    }));
    systems = edit(systems, "acme/sales", () => ({
      channels: [
        { kind: "homeostat" },
        ...UNIT_CHANNEL_KINDS.filter((k) => k !== "algedonic").map((kind) => ({ kind, unit: "acme/sales/eu" })),
      ],
    }));
    const findings = diagnose(tree(systems));
    expect(summary(findings)).toEqual([
      "broken-algedonic-chain critical acme algedonic acme/ops",
      "broken-algedonic-chain critical acme/sales algedonic acme/sales/eu",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'No algedonic channel from "acme/ops" to "acme": pain in "acme/ops" and the 4 units below it cannot reach the root\'s S5.',
      'No algedonic channel from "acme/sales/eu" to "acme/sales": pain in "acme/sales/eu" cannot reach the root\'s S5.',
    ]);
    expect(findings[1]).toMatchObject({ level: 1, hint: 'Add an algedonic channel from "acme/sales" to "acme/sales/eu".' });
  });
});

describe("diagnose: owners and indicators", () => {
  it("reports units without owners and present functions without owners", () => {
    let systems = edit(healthy(PATHS), "acme/ops/pay", () => ({ owner: undefined }));
    systems = edit(systems, "acme/sales", () => ({ owner: "  " }));
    systems = edit(systems, "acme", (s) => ({ functions: { ...s.functions, s4: { present: true } } }));
    const findings = diagnose(tree(systems));
    expect(summary(findings)).toEqual([
      "unowned-system warning acme/sales",
      "unowned-system warning acme/ops/pay",
      "unowned-function info acme s4",
    ]);
    expect(findings[2]?.message).toBe('S4 intelligence of "acme" is present but has no owner.');
  });

  it("reports systems whose operations nothing measures", () => {
    let systems = edit(healthy(PATHS), "acme/ops/pay", () => ({ indicators: [] }));
    systems = edit(systems, "acme/ops/ship", () => ({ indicators: [{ ...ops("weather"), scope: "environment" }] }));
    systems = edit(systems, "acme/ops", (s) => ({ channels: [...s.channels, { kind: "environment", unit: "acme/ops/ship" }] }));
    const findings = diagnose(tree(systems));
    expect(summary(findings)).toEqual(["unmeasured-unit warning acme/ops/pay", "unmeasured-unit warning acme/ops/ship"]);
    expect(findings[0]?.message).toContain("has no indicators");
    expect(findings[1]?.message).toContain("has only environment indicators");
  });
});

describe("diagnose: silence", () => {
  const now = 100 * HOUR;
  const systems = edit(healthy(PATHS), "acme/ops/pay", (s) => ({
    indicators: [...s.indicators, ops("errors"), { ...ops("market"), scope: "environment" }],
  }));
  const linked = edit(systems, "acme/ops", (s) => ({ channels: [...s.channels, { kind: "environment", unit: "acme/ops/pay" }] }));

  it("judges silence only when given activity, against policy.diagnosis.silentPeriods", () => {
    expect(diagnose(tree(linked))).toEqual([]);
    const activity = [
      { system: "acme/ops/pay", indicator: "throughput", period: MINUTE, lastObservedAt: now - 5 * MINUTE },
      { system: "acme/ops/pay", indicator: "errors", period: MINUTE, lastObservedAt: now - 4 * MINUTE - 59_999 },
      { system: "acme/ops/pay", indicator: "market", period: HOUR, lastObservedAt: now - 10 * HOUR },
    ];
    expect(DEFAULT_POLICY.diagnosis.silentPeriods).toBe(5);
    expect(summary(diagnose(tree(linked), { silence: { now, activity } }))).toEqual([
      "silent-indicator warning acme/ops/pay market",
      "silent-indicator warning acme/ops/pay throughput",
    ]);
    expect(summary(diagnose(tree(linked), { silence: { now, activity }, policy: { diagnosis: { silentPeriods: 11 } } }))).toEqual([]);
  });

  it("calls a unit whose every operational indicator is silent a silent S1: critical pain", () => {
    const activity = [
      { system: "acme/ops/pay", indicator: "throughput", period: MINUTE, lastObservedAt: now - HOUR },
      { system: "acme/ops/pay", indicator: "errors", period: MINUTE, lastObservedAt: null, since: now - 10 * MINUTE },
      { system: "acme/ops/pay", indicator: "market", period: HOUR, lastObservedAt: null },
      { system: "acme/gone", indicator: "x", period: MINUTE, lastObservedAt: null },
    ];
    const findings = diagnose(tree(linked), { silence: { now, activity } });
    expect(summary(findings)).toEqual(["silent-unit critical acme/ops/pay", "silent-indicator warning acme/ops/pay market"]);
    expect(findings[0]).toMatchObject({
      valence: "pain",
      level: 2,
      message: 'Silent S1: none of the 2 operational indicators of "acme/ops/pay" has reported for 5 or more periods (throughput, errors).',
    });
    expect(findings[1]?.message).toBe('"market" of "acme/ops/pay" has never reported.');
  });
});

describe("diagnose: a subtree", () => {
  it("lints only the subtree, keeping the model's levels, and does not guess at links held above it", () => {
    let systems = edit(healthy(PATHS), "acme/ops/pay", () => ({ owner: undefined }));
    systems = edit(systems, "acme/sales", () => ({ owner: undefined }));
    systems = edit(systems, "acme/ops", (s) => ({ indicators: [...s.indicators, { ...ops("market"), scope: "environment" }] }));
    expect(summary(diagnose(subtree(tree(systems), "acme/ops")))).toEqual(["unowned-system warning acme/ops/pay"]);
    expect(diagnose(subtree(tree(systems), "acme/ops"))[0]?.level).toBe(2);
  });
});

describe("diagnose: order", () => {
  it("sorts most urgent first, then by level and path", () => {
    let systems = edit(healthy(PATHS), "acme/sales/eu", () => ({ owner: undefined }));
    systems = edit(systems, "acme/ops", (s) => without(s, "s5"));
    systems = edit(systems, "acme", (s) => ({ ...without(s, "s2"), functions: { ...without(s, "s2").functions, s3: { present: true } } }));
    expect(summary(diagnose(tree(systems)))).toEqual([
      "missing-function critical acme/ops s5",
      "missing-function warning acme s2",
      "unowned-system warning acme/sales/eu",
      "unowned-function info acme s3",
    ]);
  });
});
