import { describe, expect, it } from "vitest";
import { DEFAULT_SERIES_WINDOWS, diagnoseSeries, seriesToRead } from "@/lib/vsm/diagnosis/diagnose-series";
import type { SeriesOf } from "@/lib/vsm/diagnosis/oscillation-findings";
import { makeSystem } from "@/lib/vsm/model/make-system";
import type { Indicator } from "@/lib/vsm/model/system";
import { buildTree, type SystemTree } from "@/lib/vsm/model/tree";
import type { Point } from "@/lib/vsm/temporal/bucket";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const ops = (key: string): Indicator => ({ key, name: key, unit: "%", direction: "down", index: "raw", scope: "operations" });

function tree(): SystemTree {
  const built = buildTree([
    makeSystem("acme", {
      channels: [
        { kind: "coordination", unit: "acme/a" },
        { kind: "coordination", unit: "acme/b" },
      ],
    }),
    makeSystem("acme/a", { indicators: [ops("saturation"), ops("orders"), ops("orders-audit")] }),
    makeSystem("acme/b", { indicators: [ops("saturation")] }),
  ]);
  if (!built.ok) throw new Error("bad model");
  return built.tree;
}

const NOW = Date.UTC(2026, 0, 6);
const minutes = (from: number, count: number, value: (k: number) => number): Point[] =>
  Array.from({ length: count }, (_, k) => ({ at: from + k * MINUTE, value: value(k) }));
const wave = (k: number) => 3 * Math.cos((2 * Math.PI * k) / 8);
const SERIES: Record<string, Point[]> = {
  "acme/a saturation": minutes(NOW - 6 * HOUR, 360, (k) => 60 + wave(k)),
  "acme/b saturation": minutes(NOW - 6 * HOUR, 360, (k) => 60 - wave(k)),
  "acme/a orders": minutes(NOW - DAY, 1440, () => 120),
  "acme/a orders-audit": minutes(NOW - DAY, 144, () => 100).map((p, k) => ({ ...p, at: NOW - DAY + 10 * k * MINUTE })),
};
const seriesOf: SeriesOf = (unit, key) => SERIES[`${unit} ${key}`] ?? [];

describe("seriesToRead", () => {
  it("asks for each series once, over the longest window it is judged in", () => {
    const reads = seriesToRead(tree(), NOW).map((r) => [r.unit, r.key, (r.window.to - r.window.from) / HOUR, r.window.to === NOW]);
    expect(reads).toEqual([
      ["acme/a", "saturation", 6, true],
      ["acme/b", "saturation", 6, true],
      ["acme/a", "orders", 24, true],
      ["acme/a", "orders-audit", 24, true],
    ]);
    // A series judged both ways is read once, over the longer window, whichever asks first.
    const longer = seriesToRead(tree(), NOW, { oscillation: 2 * DAY, audit: DAY });
    expect(longer.filter((r) => r.key === "saturation").map((r) => r.window.from)).toEqual([NOW - 2 * DAY, NOW - 2 * DAY]);
    const both = buildTree([
      makeSystem("x", { channels: ["x/p", "x/q"].map((unit) => ({ kind: "coordination" as const, unit })) }),
      makeSystem("x/p", { indicators: [ops("load"), ops("load-audit")] }),
      makeSystem("x/q", { indicators: [ops("load")] }),
    ]);
    if (!both.ok) throw new Error("bad model");
    expect(seriesToRead(both.tree, NOW, DEFAULT_SERIES_WINDOWS).map((r) => [r.unit, r.key, (r.window.to - r.window.from) / HOUR])).toEqual([
      ["x/p", "load", 24],
      ["x/q", "load", 6],
      ["x/p", "load-audit", 24],
    ]);
    expect(seriesToRead(both.tree, NOW, { oscillation: 2 * DAY, audit: DAY }).map((r) => (r.window.to - r.window.from) / HOUR)).toEqual([
      48, 48, 24,
    ]);
  });
});

describe("diagnoseSeries", () => {
  it("judges S2 over the last 6 hours and S3* over the last day, most urgent first", () => {
    const findings = diagnoseSeries(tree(), { now: NOW, seriesOf, auditTolerance: () => 0.1 });
    expect(findings.map((f) => [f.rule, f.path, f.units ?? f.unit, f.indicator])).toEqual([
      ["anti-phase-units", "acme", ["acme/a", "acme/b"], "saturation"],
      ["audit-drift", "acme", "acme/a", "orders"],
    ]);
  });

  it("reads the tolerance from the audited unit's policy, and sees nothing outside its windows", () => {
    const tolerances: string[] = [];
    const lenient = diagnoseSeries(tree(), {
      now: NOW,
      seriesOf,
      auditTolerance: (unit) => {
        tolerances.push(unit);
        return 0.25;
      },
    });
    expect(tolerances).toEqual(["acme/a"]);
    expect(lenient.map((f) => f.rule)).toEqual(["anti-phase-units"]);
    // A root audits itself.
    const root = buildTree([makeSystem("solo", { indicators: [ops("orders"), ops("orders-audit")] })]);
    if (!root.ok) throw new Error("bad model");
    const solo = diagnoseSeries(root.tree, { now: NOW, seriesOf: (_, key) => seriesOf("acme/a", key), auditTolerance: () => 0.1 });
    expect(solo.map((f) => [f.rule, f.path, f.level, f.unit])).toEqual([["audit-drift", "solo", 0, "solo"]]);
    // A day later, everything stored lies before both windows.
    expect(diagnoseSeries(tree(), { now: NOW + 2 * DAY, seriesOf, auditTolerance: () => 0.1 })).toEqual([]);
  });
});
