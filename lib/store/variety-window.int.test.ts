import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { applyToSignal } from "@/lib/signals/apply-to-signal";
import { fireAllDue } from "@/lib/signals/fire-deadlines";
import { acknowledgeSignal, createSilence, noteSignal, resolveSignal, type Operator } from "@/lib/signals/operator-actions";
import { raiseStoredSignal } from "@/lib/signals/raise-stored-signal";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { importModel } from "@/lib/store/model-import";
import { readSignal, systemByPath } from "@/lib/store/signals";
import { readVarietyWindow } from "@/lib/store/variety-window";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { varietyReport, type TreeVariety } from "@/lib/view/variety-report";
import type { Actor, RaiseInput, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

/**
 * Variety from stored signals (docs/variety.md): real signal, signal_event and silence rows,
 * written by the same functions the pipeline, the deadline worker and operators use, read back for
 * one window and measured. A day's allowance everywhere, except an hour at Pay's level, so only
 * the signal meant to climb does.
 */
const MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
    policy: { escalation: { allowances: [86400000, 86400000, 86400000] } }
  - path: acme/ops
    name: Ops
  - path: acme/ops/pay
    name: Pay
    policy: { escalation: { allowances: [86400000, 86400000, 3600000] } }
    indicators:
      - { key: orders, name: Orders, unit: 1/min, direction: up, family: orders }
      - { key: latency, name: Latency, unit: ms, direction: down, family: latency }
  - path: acme/ops/ship
    name: Ship
    indicators:
      - { key: queue, name: Carrier queue, unit: parcels, direction: down, scope: environment, family: queue }
`;

const T0 = Date.UTC(2026, 11, 1, 9);
const WINDOW = { from: T0, to: T0 + DAY };
const FILTER: Actor = { type: "system", component: "filter" };
const operator = (id: string): Operator => ({ actor: { type: "user", id }, audit: `user:${id}` });
const [ALICE, BOB, CAROL] = ["alice", "bob", "carol"].map(operator) as [Operator, Operator, Operator];

let db: TestDatabase;
const ids: Record<string, string> = {};
let acme: TreeVariety;

async function raise(name: string, unitPath: string, indicator: string, at: number, extra: Partial<RaiseInput> = {}): Promise<string> {
  const [row] = await indicatorsByName(db.sql, [{ unitPath, key: indicator }]);
  const unit = await systemByPath(db.sql, unitPath);
  const origin = { systemId: unit!.id, indicatorId: row!.id, externalAlertId: null, labels: {} };
  const input = { unitPath, indicator, kind: "step", valence: "pain" as const, band: "alert" as const, actor: FILTER, reason: "a change" };
  const signal = await db.sql.transaction((tx) => raiseStoredSignal(tx, { ...input, ...extra }, origin, at));
  ids[name] = signal.id;
  return signal.id;
}

async function filterEvent(id: string, event: SignalEvent, at: number): Promise<void> {
  const applied = await db.sql.transaction((tx) => applyToSignal(tx, id, event, at));
  expect(applied.outcome).toBe("applied");
}

beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel(MODEL, "yaml"));
  // Before the window, closed before it: not read at all.
  const s0 = await raise("s0", "acme/ops/pay", "orders", T0 - 3 * HOUR);
  await resolveSignal(db, ALICE, { signalId: s0, reason: "old" }, T0 - 2 * HOUR);
  // Raised before the window and still running: no disturbance of this window, but Carol's acknowledgement in it counts.
  const s5 = await raise("s5", "acme/ops/ship", "queue", T0 - HOUR, { valence: "pleasure" });
  await acknowledgeSignal(db, CAROL, { signalId: s5 }, T0 + 30 * MINUTE);
  // s1: a step in orders, counted twice, owned by Alice and resolved as fixed.
  const s1 = await raise("s1", "acme/ops/pay", "orders", T0 + HOUR);
  await filterEvent(s1, { type: "recur", actor: FILTER, kind: "step", band: "alert" }, T0 + 90 * MINUTE);
  await acknowledgeSignal(db, ALICE, { signalId: s1 }, T0 + 2 * HOUR);
  await resolveSignal(db, ALICE, { signalId: s1, reason: "restarted the gateway" }, T0 + 3 * HOUR);
  // s2: the carrier queue (an environment indicator), owned and noted by Bob, hidden by a silence.
  const s2 = await raise("s2", "acme/ops/ship", "queue", T0 + HOUR);
  await acknowledgeSignal(db, BOB, { signalId: s2 }, T0 + 2 * HOUR);
  await noteSignal(db, BOB, { signalId: s2, text: "the carrier is on strike" }, T0 + 150 * MINUTE);
  await createSilence(
    db,
    BOB,
    { matcher: { unitPath: "acme/ops/ship", kind: "step" }, startsAt: T0, endsAt: T0 + 2 * DAY, reason: "strike" },
    T0,
  );
  // s3: a possible slope in latency the filter retracts; s4: the slope it then confirms, twice, which climbs to Ops.
  const s3 = await raise("s3", "acme/ops/pay", "latency", T0 + 4 * HOUR, { kind: "slope", provisional: true });
  await filterEvent(s3, { type: "retract", actor: FILTER }, T0 + 4 * HOUR + MINUTE);
  const s4 = await raise("s4", "acme/ops/pay", "latency", T0 + 5 * HOUR, { kind: "slope" });
  await filterEvent(s4, { type: "recur", actor: FILTER, kind: "slope", band: "alert" }, T0 + 5 * HOUR + 10 * MINUTE);
  await fireAllDue(db.sql, T0 + 7 * HOUR);
  const report = varietyReport(await readVarietyWindow(db.sql, WINDOW));
  acme = report.trees[0]!;
});
afterAll(() => db?.drop());

const of = (path: string) => acme.systems.find((s) => s.path === path)!.assessment;

describe("variety from the stored signals of a window", () => {
  it("reads the window's signals in a few statements: running in it or touched in it, not one closed before", async () => {
    const input = await readVarietyWindow(db.sql, WINDOW);
    expect(input.signals.map((s) => s.signal.id).sort()).toEqual(["s1", "s2", "s3", "s4", "s5"].map((n) => ids[n]).sort());
    expect(input.signals.find((s) => s.signal.id === ids.s2)!.scope).toBe("environment");
    expect(input.systems.map((s) => s.path)).toEqual(["acme", "acme/ops", "acme/ops/pay", "acme/ops/ship"]);
    expect(input.silences).toHaveLength(1);
    expect(await readSignal(db.sql, ids.s4!)).toMatchObject({ holderLevel: 1, state: "escalated", changes: 2 });
  });

  it("measures H(D), H(R), the deficit and the state of each system", () => {
    // Ops: three classes of disturbance once each (step at Pay, step at Ship, slope at Pay; the retracted slope is not one):
    // log₂ 3 = 1.585 bits. Responses: owners alice, bob, carol and "fixed", once each: 2 bits. Deficit −0.415: balanced.
    expect(of("acme/ops")).toMatchObject({
      disturbances: { events: 3, classes: 3 },
      responses: { bits: 2, events: 4, classes: 4 },
      state: "balanced",
    });
    expect(of("acme/ops").disturbances.bits).toBeCloseTo(Math.log2(3), 12);
    expect(of("acme/ops").deficit).toBeCloseTo(Math.log2(3) - 2, 12);
    // The root sees all three through Ops: {step ×2, slope ×1} = 0.918 bits against the same 2 bits: over-regulated.
    expect(of("acme")).toMatchObject({ disturbances: { events: 3, classes: 2 }, state: "over-regulated" });
    expect(of("acme").disturbances.bits).toBeCloseTo(0.9183, 4);
    expect(of("acme").deficit).toBeCloseTo(-1.0817, 4);
    // Pay: a step and a slope (1 bit) met by Alice and "fixed" (1 bit). Ship: one step (0 bits) met by Bob and Carol (1 bit).
    expect(of("acme/ops/pay")).toMatchObject({ disturbances: { bits: 1 }, responses: { bits: 1 }, deficit: 0, state: "balanced" });
    expect(of("acme/ops/ship")).toMatchObject({ disturbances: { bits: 0 }, responses: { bits: 1 }, deficit: -1, state: "over-regulated" });
  });

  it("accounts level 2's devices: the filter, grouping, the silence and what climbed", () => {
    const leaves = acme.levels.find((l) => l.level === 2)!;
    // In: one item per change — step at Pay ×2, step at Ship ×1, slope at Pay ×3 (the retracted once, the confirmed twice):
    // {2, 1, 3} of 6 = 1.459 bits. The filter drops the retracted slope: {2, 1, 2} of 5 = 1.522 bits. Grouping: one item per
    // signal, three classes once each = log₂ 3. Nothing above Pay and Ship inhibits. The silence hides Ship's step: 1 bit.
    // Only the latency slope climbed: 0 bits.
    expect(leaves).toMatchObject({ itemsIn: 6, itemsOut: 1, bitsOut: 0 });
    expect(leaves.bitsIn).toBeCloseTo(Math.log2(3) / 3 + Math.log2(6) / 6 + 1 / 2, 12);
    expect(leaves.bitsIn).toBeCloseTo(1.4591, 4);
    expect(leaves.stages.map((s) => [s.device, s.itemsOut])).toEqual([
      ["filter", 5],
      ["grouping", 3],
      ["inhibition", 3],
      ["silence", 2],
      ["escalation", 1],
    ]);
    const [filtered, ...rest] = leaves.stages.map((s) => s.bitsOut);
    expect(filtered).toBeCloseTo(0.8 * Math.log2(2.5) + 0.2 * Math.log2(5), 12);
    expect(rest).toEqual([Math.log2(3), Math.log2(3), 1, 0]);
    // Ops held only the slope that climbed to it, and kept it.
    expect(acme.levels.find((l) => l.level === 1)).toMatchObject({ itemsIn: 2, itemsOut: 0 });
  });

  it("gives the homeostat from the operators' actions: S4 for the environment indicator's signals", () => {
    const root = acme.homeostats.find((h) => h.path === "acme")!.view.overall;
    // Alice acknowledged and resolved (S3); Bob acknowledged and noted, Carol acknowledged (S4): share 0.6, within 0.5 ± 0.2.
    expect(root).toMatchObject({ s3: 2, s4: 3, s4Share: 0.6, state: "balanced" });
    expect(acme.homeostats.find((h) => h.path === "acme/ops/ship")!.view.overall).toMatchObject({ s4Share: 1, state: "S4-dominant" });
  });
});
