import { describe, expect, it } from "vitest";
import { formatShare, homeostatWords, trendWords } from "@/lib/view/attention-homeostat";
import { balanceWords, formatBits } from "@/lib/view/system-variety";
import type { VarietySystem, WindowSignal } from "@/lib/view/variety-input";
import { treeOrder, varietyReport } from "@/lib/view/variety-report";
import type { Actor, RaiseInput, Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, BOB, FILTER, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import type { AttentionRecord } from "@/lib/vsm/homeostat/attention-share";
import { homeostat } from "@/lib/vsm/homeostat/homeostat";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const window = { from: T0, to: T0 + DAY };
const CAROL: Actor = { type: "user", id: "carol" };

const PATHS = ["acme", "acme/ops", "acme/ops/pay", "acme/ops/ship", "acme/sales", "acme/sales/x", "acme/sales/y", "beta"];
// Ops tolerates 0.6 bit of imbalance, and its units inherit that; the rest keep the default 0.5.
const systems: VarietySystem[] = PATHS.map((path, i) => ({
  id: i + 1,
  parentId: null,
  path,
  level: path.split("/").length - 1,
  name: path,
  policy: path === "acme/ops" ? { variety: { tolerance: 0.6 } } : {},
}));

function signal(overrides: Partial<RaiseInput>, at: number, ...events: [SignalEvent, number][]): Signal {
  let s = raise(overrides, at).signal;
  for (const [event, when] of events) s = accept(s, event, when).signal;
  return s;
}

const a = signal(
  { id: "a", unitPath: "acme/ops/pay" },
  T0 + HOUR,
  [{ type: "acknowledge", actor: ALICE }, T0 + 2 * HOUR],
  [{ type: "resolve", actor: ALICE, reason: "restarted" }, T0 + 3 * HOUR],
);
const b = signal({ id: "b", unitPath: "acme/ops/ship" }, T0 + HOUR, [{ type: "acknowledge", actor: BOB }, T0 + 2 * HOUR]);
const c = signal({ id: "c", unitPath: "acme/ops/ship", kind: "slope", provisional: true }, T0 + HOUR, [
  { type: "retract", actor: FILTER },
  T0 + HOUR + MINUTE,
]);
// Raised before the window: not a disturbance of this window, but Carol's acknowledgement within it is a response.
const d = signal({ id: "d", unitPath: "acme/sales/x", indicator: "leads" }, T0 - 2 * HOUR, [
  { type: "acknowledge", actor: CAROL },
  T0 + 30 * MINUTE,
]);
const e = signal({ id: "e", unitPath: "acme/sales/x", indicator: "deals" }, T0 + 4 * HOUR);
const f = signal({ id: "f", unitPath: "acme/sales/y", kind: "slope", valence: "pleasure" }, T0 + 4 * HOUR);
const signals: WindowSignal[] = [
  { signal: a, scope: "operations" },
  { signal: b, scope: "environment" },
  { signal: c, scope: "environment" },
  { signal: d, scope: "operations" },
  { signal: e, scope: null },
  { signal: f, scope: "operations" },
];

const report = varietyReport({ window, systems, signals, silences: [] });
const [acme, beta] = report.trees;
const of = (path: string) => acme!.systems.find((s) => s.path === path)!.assessment;

describe("variety per system from the window's signals", () => {
  it("lists the systems a disturbance reached or that responded, in tree order, per tree", () => {
    expect(report.trees.map((t) => t.root)).toEqual([
      { path: "acme", name: "acme" },
      { path: "beta", name: "beta" },
    ]);
    expect(acme!.systems.map((s) => s.path)).toEqual(PATHS.slice(0, 7));
    // "/" sorts after "-" as a character, but a system's units still come before its next sibling.
    expect(["a/b-c", "a/b/d", "a", "a/b"].sort(treeOrder)).toEqual(["a", "a/b", "a/b/d", "a/b-c"]);
    expect(acme).toMatchObject({ signals: 5, quiet: 0 });
    expect(beta).toMatchObject({ signals: 0, systems: [], quiet: 1, levels: [], homeostats: [] });
    expect(report.empty).toBe(false);
  });

  it("measures H(D) over valence:kind × the unit it arrives through, and H(R) over distinct responses", () => {
    // Root: {ops: pain:step ×2, sales: pain:step ×1, sales: pleasure:slope ×1} → 1.5 bits; responses alice, bob, carol and
    // "fixed", once each → 2 bits; deficit −0.5, on the edge of the 0.5 tolerance: balanced.
    expect(of("acme")).toMatchObject({
      disturbances: { bits: 1.5, events: 4, classes: 3 },
      responses: { bits: 2, events: 4, classes: 4 },
      deficit: -0.5,
      tolerance: 0.5,
      state: "balanced",
    });
    // Ops: pay and ship once each → 1 bit (the retracted slope is not counted); three responses → log₂ 3 = 1.585 bits;
    // deficit −0.585, within its own tolerance of 0.6.
    expect(of("acme/ops")).toMatchObject({ disturbances: { bits: 1, events: 2, classes: 2 }, tolerance: 0.6, state: "balanced" });
    expect(of("acme/ops").responses.bits).toBeCloseTo(1.585, 3);
    expect(of("acme/ops").deficit).toBeCloseTo(-0.585, 3);
    // Pay inherits 0.6: one disturbance (0 bits) met by an owner and a resolution (1 bit) is over-regulated.
    expect(of("acme/ops/pay")).toMatchObject({ deficit: -1, tolerance: 0.6, state: "over-regulated" });
    // Sales: two classes of disturbance (1 bit) met by one response (0 bits): under-regulated.
    expect(of("acme/sales")).toMatchObject({
      disturbances: { bits: 1, events: 2, classes: 2 },
      responses: { bits: 0, events: 1, classes: 1 },
      deficit: 1,
      state: "under-regulated",
    });
    expect(of("acme/sales/y")).toMatchObject({ disturbances: { events: 1 }, responses: { events: 0 }, deficit: 0, state: "balanced" });
  });

  it("accounts each level's devices over the signals raised in the window", () => {
    // Level 2 received five signals in five classes (log₂ 5 = 2.32 bits); the filter retracted one (2 bits); none climbed.
    const leaves = acme!.levels.find((l) => l.level === 2)!;
    expect(leaves.bitsIn).toBeCloseTo(Math.log2(5), 12);
    expect(leaves.stages.map((s) => [s.device, s.itemsOut, s.bitsOut])).toEqual([
      ["filter", 4, 2],
      ["grouping", 4, 2],
      ["inhibition", 4, 2],
      ["silence", 4, 2],
      ["escalation", 0, 0],
    ]);
    expect(acme!.levels.map((l) => [l.level, l.itemsIn])).toEqual([
      [0, 0],
      [1, 0],
      [2, 5],
    ]);
  });

  it("gives the S3↔S4 homeostat where operators acted, one unit per action", () => {
    const shares = Object.fromEntries(acme!.homeostats.map((h) => [h.path, [h.view.overall.s3, h.view.overall.s4, h.view.overall.state]]));
    // Root: Alice's two actions and Carol's on operations signals, Bob's on an environment one: S4 share 0.25, below 0.5 ± 0.2.
    expect(shares).toEqual({
      acme: [3, 1, "S3-dominant"],
      "acme/ops": [2, 1, "balanced"],
      "acme/ops/pay": [2, 0, "S3-dominant"],
      "acme/ops/ship": [0, 1, "S4-dominant"],
      "acme/sales": [1, 0, "S3-dominant"],
      "acme/sales/x": [1, 0, "S3-dominant"],
    });
    // Six steps of four hours: all four actions fell in the first.
    const root = acme!.homeostats[0]!.view;
    expect(root.windows.map((w) => w.s4Share)).toEqual([0.25, null, null, null, null, null]);
    expect(root.windows[1]!.window).toEqual({ from: T0 + 4 * HOUR, to: T0 + 8 * HOUR });
    expect(acme!.homeostats[0]!.settings).toEqual({ target: 0.5, tolerance: 0.2 });
  });

  it("is empty when the window holds no signal, response or attention", () => {
    const later = { from: T0 + 2 * DAY, to: T0 + 3 * DAY };
    const quiet = varietyReport({ window: later, systems, signals, silences: [] });
    expect(quiet.empty).toBe(true);
    expect(quiet.trees.map((t) => [t.systems.length, t.quiet, t.levels.length])).toEqual([
      [0, 7, 0],
      [0, 1, 0],
    ]);
    expect(varietyReport({ window, systems: [], signals: [], silences: [] })).toEqual({ window, trees: [], empty: true });
  });
});

describe("variety in words", () => {
  it("says which way a system is out of balance, by how much, against which tolerance", () => {
    expect(balanceWords(of("acme/sales"))).toEqual({
      label: "Under-regulated",
      detail: "1.00 bits more disturbance variety than response variety (tolerance ±0.50)",
    });
    expect(balanceWords(of("acme/ops/pay"))).toEqual({
      label: "Over-regulated",
      detail: "1.00 bits more response variety than disturbance variety (tolerance ±0.60)",
    });
    expect(balanceWords(of("acme"))).toEqual({ label: "Balanced", detail: "deficit within the tolerance ±0.50 bits" });
    expect(formatBits(-0.001)).toBe("0.00");
    expect(formatBits(Math.log2(3))).toBe("1.58");
    expect(homeostatWords("S3-dominant").detail).toMatch(/inside and now/);
    expect([0.25, 1 / 3, null].map(formatShare)).toEqual(["25%", "33%", "–"]);
  });

  it("gives the homeostat's trend in points of S4's share per step", () => {
    // S4 share 25% in the first four hours, 50% in the second: +25 points per step; equal shares are flat.
    const settings = { target: 0.5, tolerance: 0.2 };
    const spend = (at: number, s3: number, s4: number): AttentionRecord[] => [
      { at, tag: "S3", weight: s3 },
      { at, tag: "S4", weight: s4 },
    ];
    const rising = homeostat([...spend(T0, 3, 1), ...spend(T0 + 5 * HOUR, 1, 1)], window, 4 * HOUR, settings);
    expect(trendWords(rising)).toBe("+25 points per step");
    const falling = homeostat([...spend(T0, 1, 1), ...spend(T0 + 5 * HOUR, 3, 1)], window, 4 * HOUR, settings);
    expect(trendWords(falling)).toBe("−25 points per step");
    expect(trendWords(homeostat([...spend(T0, 1, 1), ...spend(T0 + 5 * HOUR, 1, 1)], window, 4 * HOUR, settings))).toBe("flat");
    expect(trendWords(acme!.homeostats[0]!.view)).toBe("–");
  });
});
