import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { applyToSignal } from "@/lib/signals/apply-to-signal";
import { fireAllDue, fireDueDeadlines } from "@/lib/signals/fire-deadlines";
import { acknowledgeSignal, createSilence, endSilence, noteSignal, resolveSignal, type Operator } from "@/lib/signals/operator-actions";
import { raiseStoredSignal } from "@/lib/signals/raise-stored-signal";
import { recentAudit } from "@/lib/store/audit-events";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { importModel } from "@/lib/store/model-import";
import { countRetractedSince, listSignals, readSignalIn, readSignal, systemByPath } from "@/lib/store/signals";
import { silencesActiveSince } from "@/lib/store/silences";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import type { Actor, RaiseInput, Signal } from "@/lib/vsm/algedonic/schemas";
import { visibleSignals } from "@/lib/vsm/algedonic/visible-signals";
import { HOUR, MINUTE } from "@/lib/vsm/types";

/**
 * The algedonic ladder on a real database with an injected clock (docs/design.md §5, "Signals"):
 * each level's own policy, read from the model; deadlines fired by the worker; operator actions
 * through the compare-and-swap store.
 */
const MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
    policy: { escalation: { allowances: [14400000, 7200000, 3600000, 1800000], repeatInterval: 86400000 } }
  - path: acme/ops
    name: Ops
    policy: { escalation: { allowances: [14400000, 5400000] } }
  - path: acme/ops/payments
    name: Payments
    policy: { escalation: { allowances: [14400000, 7200000, 2400000] } }
  - path: acme/ops/payments/checkout
    name: Checkout
    policy: { escalation: { allowances: [14400000, 7200000, 3600000, 600000], maxExtension: 1200000 } }
    indicators:
      - { key: orders, name: Orders per minute, unit: 1/min, direction: up, family: orders }
`;
// Effective allowance of the level that holds the signal: checkout (3) 10 min, payments (2) 40 min,
// ops (1) 90 min, acme (0) 4 h — each from that system's own policy.

const T0 = Date.UTC(2026, 10, 30, 9);
const FILTER: Actor = { type: "system", component: "filter" };
const ALICE: Operator = { actor: { type: "user", id: "alice" }, audit: "user:alice" };

let db: TestDatabase;
let origin: { systemId: number; indicatorId: number; externalAlertId: null; labels: Record<string, string> };
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel(MODEL, "yaml"));
  const [orders] = await indicatorsByName(db.sql, [{ unitPath: "acme/ops/payments/checkout", key: "orders" }]);
  const unit = await systemByPath(db.sql, "acme/ops/payments/checkout");
  origin = { systemId: unit!.id, indicatorId: orders!.id, externalAlertId: null, labels: {} };
});
afterAll(() => db.drop());

const REFERENCE = { level: 100, sd: 2, direction: -1, period: MINUTE } as const;

async function raise(overrides: Partial<Omit<RaiseInput, "id">> = {}, at = T0): Promise<Signal> {
  return db.sql.transaction((tx) =>
    raiseStoredSignal(
      tx,
      {
        unitPath: "acme/ops/payments/checkout",
        indicator: "orders",
        family: "orders",
        kind: "step",
        valence: "pain",
        band: "alert",
        actor: FILTER,
        reason: "orders stepped down",
        reference: REFERENCE,
        ...overrides,
      },
      origin,
      at,
    ),
  );
}

async function stored(id: string): Promise<Signal> {
  const signal = await readSignal(db.sql, id);
  if (signal === null) throw new Error(`signal ${id} is not stored`);
  return signal;
}

async function observe(id: string, level: number, at: number): Promise<Signal> {
  await db.sql.transaction((tx) => applyToSignal(tx, id, { type: "observe", actor: FILTER, level, band: "normal" }, at));
  return stored(id);
}

/** Closes whatever a test left running, so that each test starts without a running signal on the indicator. */
async function closeAll(at: number): Promise<void> {
  const open = await db.sql.query<{ id: string }>(`SELECT id FROM "signal" WHERE closed_at IS NULL`);
  for (const { id } of open) await resolveSignal(db, ALICE, { signalId: id, reason: "test over" }, at);
}

const escalations = (signal: Signal) => signal.timeline.filter((e) => e.kind === "escalated").map((e) => [e.at - T0, e.level]);

describe("the escalation ladder on the database", () => {
  it("escalates an unremedied pain signal from level 3 to 2, 1 and 0 at each receiving level's allowance", async () => {
    const { id } = await raise();
    expect(await fireAllDue(db.sql, T0 + 10 * MINUTE - 1)).toEqual({ fired: 0, obsolete: 0, waiting: 0 });
    // The worker wakes at odd times; each rung is due at the schedule, counted from the previous deadline.
    await fireAllDue(db.sql, T0 + 10 * MINUTE);
    expect(await stored(id)).toMatchObject({ state: "escalated", holderLevel: 2 });
    await fireAllDue(db.sql, T0 + 50 * MINUTE - 1);
    expect((await stored(id)).holderLevel).toBe(2);
    await fireAllDue(db.sql, T0 + 50 * MINUTE);
    expect((await stored(id)).holderLevel).toBe(1);
    await fireAllDue(db.sql, T0 + 140 * MINUTE);
    const top = await stored(id);
    expect(top).toMatchObject({ holderLevel: 0, state: "escalated" });
    expect(escalations(top)).toEqual([
      [10 * MINUTE, 2],
      [50 * MINUTE, 1],
      [140 * MINUTE, 0],
    ]);
    // The root's own reminder interval (a day) governs once it holds the signal.
    expect(top.deadlines).toMatchObject({ escalateAt: T0 + 140 * MINUTE + 4 * HOUR, repeatAt: T0 + 140 * MINUTE + 24 * HOUR });
    const deadlines = await db.sql.query(`SELECT kind, level FROM "signal_deadline" WHERE signal_id = $1 ORDER BY kind`, [id]);
    expect(deadlines).toEqual([
      { kind: "escalate", level: 0 },
      { kind: "repeat", level: 0 },
    ]);
    const audit = (await recentAudit(db.sql, 10)).filter((a) => a.action === "signal.deadlines");
    expect(audit.map((a) => a.detail)).toContainEqual({ fired: [`escalate:${id}`] });
    await closeAll(T0 + 150 * MINUTE);
  });

  it("catches up rung by rung when every deadline passed while the worker was down, firing each once", async () => {
    const { id } = await raise({}, T0 + 3 * HOUR);
    const firing = await fireAllDue(db.sql, T0 + 3 * HOUR + 200 * MINUTE);
    expect(firing.fired).toBe(3);
    expect(escalations(await stored(id))).toEqual([
      [3 * HOUR + 200 * MINUTE, 2],
      [3 * HOUR + 200 * MINUTE, 1],
      [3 * HOUR + 200 * MINUTE, 0],
    ]);
    expect(await fireAllDue(db.sql, T0 + 3 * HOUR + 200 * MINUTE)).toMatchObject({ fired: 0 });
    await closeAll(T0 + 7 * HOUR);
  });

  it("extends the holder's allowance once on acknowledgement with an ETA, by at most the holder's maxExtension", async () => {
    const at = T0 + 8 * HOUR;
    const { id } = await raise({}, at);
    const acked = await acknowledgeSignal(db, ALICE, { signalId: id, eta: at + HOUR, note: "looking at the payment gateway" }, at + MINUTE);
    // Checkout's maxExtension is 20 minutes: the 10-minute allowance becomes 30.
    expect(acked).toMatchObject({ state: "acknowledged", deadlines: { escalateAt: at + 30 * MINUTE } });
    await expect(acknowledgeSignal(db, ALICE, { signalId: id }, at + 2 * MINUTE)).rejects.toMatchObject({ code: "conflict" });
    await fireAllDue(db.sql, at + 29 * MINUTE);
    expect((await stored(id)).holderLevel).toBe(3);
    await fireAllDue(db.sql, at + 30 * MINUTE);
    expect(await stored(id)).toMatchObject({ state: "escalated", holderLevel: 2, ack: null });
    const audit = (await recentAudit(db.sql, 20)).find((a) => a.action === "signal.acknowledge");
    expect(audit).toMatchObject({ actor: "user:alice", target: "acme/ops/payments/checkout" });
    await closeAll(at + HOUR);
  });

  it("stops the ladder on remedy — back at the reference for k periods — while a lasting degradation climbs on", async () => {
    const at = T0 + 10 * HOUR;
    const remedied = await raise({}, at);
    for (const minute of [1, 2, 3, 4]) await observe(remedied.id, 100, at + minute * MINUTE);
    expect(await stored(remedied.id)).toMatchObject({ state: "remedied", closeReason: "remedied", closedAt: at + 4 * MINUTE });
    expect(await fireAllDue(db.sql, at + 5 * HOUR)).toMatchObject({ fired: 0 });
    expect(await db.sql.query(`SELECT 1 FROM "signal_deadline" WHERE signal_id = $1`, [remedied.id])).toEqual([]);

    const later = at + 6 * HOUR;
    const lasting = await raise({}, later);
    for (let minute = 1; minute <= 9; minute += 1) await observe(lasting.id, 90, later + minute * MINUTE);
    await fireAllDue(db.sql, later + 10 * MINUTE);
    expect(await stored(lasting.id)).toMatchObject({ state: "escalated", holderLevel: 2, remedySince: null });
    await closeAll(later + HOUR);
  });

  it("sends a crisis to the root at once, and climbs the ladder too", async () => {
    const at = T0 + 20 * HOUR;
    const { id, bypassedAt } = await raise({ band: "crisis" }, at);
    expect(bypassedAt).toBe(at);
    await fireAllDue(db.sql, at + 10 * MINUTE);
    expect(await stored(id)).toMatchObject({ holderLevel: 2, bypassedAt: at, band: "crisis" });
    await closeAll(at + HOUR);
  });

  it("escalates a silenced signal all the same, hidden from view while the silence lasts", async () => {
    const at = T0 + 22 * HOUR;
    const silence = await createSilence(
      db,
      ALICE,
      {
        matcher: { unitPath: "acme/ops", scope: "subtree", family: "orders" },
        startsAt: at,
        endsAt: at + HOUR,
        reason: "planned migration",
      },
      at,
    );
    const { id } = await raise({}, at + MINUTE);
    await fireAllDue(db.sql, at + 11 * MINUTE);
    const escalated = await stored(id);
    expect(escalated).toMatchObject({ state: "escalated", holderLevel: 2 });
    const silences = await silencesActiveSince(db.sql, at);
    expect(silences.map((s) => s.id)).toEqual([silence.id]);
    expect(visibleSignals([escalated], silences, at + 11 * MINUTE)).toEqual([]);
    expect(visibleSignals([escalated], silences, at + HOUR).map((v) => v.signal.id)).toEqual([id]);
    // Ended early, it hides nothing from then on, and stays on record; ending it again finds no active silence.
    await endSilence(db, ALICE, silence.id, at + 20 * MINUTE);
    expect(await silencesActiveSince(db.sql, at + 20 * MINUTE)).toEqual([]);
    expect(visibleSignals([escalated], await silencesActiveSince(db.sql, at - HOUR), at + 21 * MINUTE).map((v) => v.signal.id)).toEqual([
      id,
    ]);
    await expect(endSilence(db, ALICE, silence.id, at + 30 * MINUTE)).rejects.toMatchObject({ code: "not_found" });
    const audit = (await recentAudit(db.sql, 20)).filter((e) => e.action.startsWith("silence."));
    expect(audit.map((e) => e.action)).toEqual(["silence.end", "silence.create"]);
    await expect(createSilence(db, ALICE, { matcher: {}, startsAt: at, endsAt: at + HOUR, reason: "all" }, at)).rejects.toThrow(
      /at least one field/,
    );
    await closeAll(at + 2 * HOUR);
  });

  it("stores a transition only over the version it was computed from: racing writers apply once each, in turn", async () => {
    const at = T0 + 30 * HOUR;
    const { id } = await raise({}, at);
    // Five operators note at once: every note lands, each on its own version, none lost to a race.
    await Promise.all(Array.from({ length: 5 }, (_, i) => noteSignal(db, ALICE, { signalId: id, text: `note ${i}` }, at + MINUTE)));
    const noted = await stored(id);
    expect(noted.version).toBe(5);
    expect(noted.timeline.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    // Two workers fire the same due deadline at once: it fires once.
    const runs = await Promise.all([fireDueDeadlines(db.sql, at + 10 * MINUTE), fireDueDeadlines(db.sql, at + 10 * MINUTE)]);
    expect(runs.reduce((n, r) => n + r.fired, 0)).toBe(1);
    expect(escalations(await stored(id))).toHaveLength(1);
    await expect(resolveSignal(db, ALICE, { signalId: "sig_missing", reason: "x" }, at)).rejects.toMatchObject({ code: "not_found" });
    // Bad input is a ZodError naming the field, which the route wrapper answers as 422.
    await expect(resolveSignal(db, ALICE, { signalId: id, reason: " " }, at + HOUR)).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["reason"] })],
    });
    await expect(acknowledgeSignal(db, ALICE, { signalId: id, eta: at - HOUR }, at + HOUR)).rejects.toMatchObject({
      code: "validation_failed",
    });
    await closeAll(at + HOUR);
  });
  it("lists running and recent signals without the provisional ones the filter took back, and counts those", async () => {
    const at = T0 + 30 * HOUR;
    const hesitation = await raise({ provisional: true }, at);
    await db.sql.transaction((tx) => applyToSignal(tx, hesitation.id, { type: "retract", actor: FILTER }, at + MINUTE));
    const page = await raise({}, at + 2 * MINUTE);
    const listed = (await listSignals(db.sql, { closedSince: at, limit: 50, scopes: [""] })).map((s) => s.id);
    expect(listed).toContain(page.id);
    expect(listed).not.toContain(hesitation.id);
    expect(await countRetractedSince(db.sql, at, [""])).toBe(1);
    expect((await listSignals(db.sql, { closedSince: at, limit: 50, retracted: true, scopes: [""] })).map((s) => s.id)).toContain(
      hesitation.id,
    );
    // Only what the reader's subtrees hold, decided in the query.
    const within = async (scopes: string[]) => (await listSignals(db.sql, { closedSince: at, limit: 50, scopes })).map((s) => s.id);
    expect(await within(["acme/ops/payments"])).toContain(page.id);
    expect(await within(["acme/ops/payments/checkout"])).toContain(page.id);
    expect(await within(["acme/ops/pay", "acme/sales"])).not.toContain(page.id);
    expect(await within([])).toEqual([]);
    expect(await countRetractedSince(db.sql, at, ["acme/sales"])).toBe(0);
    expect((await readSignalIn(db.sql, page.id, ["acme/ops"]))?.id).toBe(page.id);
    expect(await readSignalIn(db.sql, page.id, ["acme/sales"])).toBeNull();
    await closeAll(at + HOUR);
  });
});
