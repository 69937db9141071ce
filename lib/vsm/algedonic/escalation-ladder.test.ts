import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { dueDeadlines } from "@/lib/vsm/algedonic/deadlines";
import type { Signal, SignalDeadline } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { HOUR, MINUTE } from "@/lib/vsm/types";

// DEFAULT_POLICY allowances: T0 = 4h, T1 = 2h, T2 = 1h, T3 = 30m.
const escalateOf = (schedule: SignalDeadline[]) => schedule.find((d) => d.kind === "escalate");

describe("escalation ladder", () => {
  it("escalates an unremedied pain signal from level 3 to 2, 1 and 0 exactly at the allowances", () => {
    const raised = raise();
    expect(raised.signal).toMatchObject({ level: 3, holderLevel: 3, state: "open" });
    expect(raised.notify).toEqual([
      expect.objectContaining({
        target: { level: 3, unitPath: "acme/ops/payments/checkout" },
        route: "ladder",
        page: true,
        reason: "raised",
      }),
    ]);

    const expected = [
      { at: T0 + 30 * MINUTE, to: 2, unit: "acme/ops/payments", nextAt: T0 + 90 * MINUTE },
      { at: T0 + 90 * MINUTE, to: 1, unit: "acme/ops", nextAt: T0 + 210 * MINUTE },
      { at: T0 + 210 * MINUTE, to: 0, unit: "acme", nextAt: T0 + 450 * MINUTE },
    ];
    let signal: Signal = raised.signal;
    let deadline = escalateOf(raised.schedule)!;
    for (const step of expected) {
      expect(deadline.at).toBe(step.at);
      const early = accept(signal, { type: "deadline", deadline }, step.at - 1);
      expect(early).toMatchObject({ changed: false, notify: [] });
      expect(early.signal).toBe(signal);
      expect(early.schedule).toContainEqual(deadline);

      const fired = accept(signal, { type: "deadline", deadline }, step.at);
      expect(fired.signal).toMatchObject({ state: "escalated", holderLevel: step.to });
      expect(fired.notify).toEqual([
        expect.objectContaining({ target: { level: step.to, unitPath: step.unit }, page: true, reason: "escalated" }),
      ]);
      expect(fired.signal.timeline.at(-1)).toMatchObject({
        kind: "escalated",
        at: step.at,
        level: step.to,
        actor: { type: "system", component: "clock" },
      });
      signal = fired.signal;
      deadline = escalateOf(fired.schedule)!;
      expect(deadline).toEqual({ kind: "escalate", signalId: "s1", at: step.nextAt, level: step.to });
    }

    // At the root it stays: when the root's own allowance runs out S5 is reminded, not bypassed.
    const overdue = accept(signal, { type: "deadline", deadline }, T0 + 450 * MINUTE);
    expect(overdue.signal).toMatchObject({ state: "escalated", holderLevel: 0 });
    expect(overdue.signal.timeline.at(-1)).toMatchObject({ kind: "overdue", from: "escalated", to: "escalated", level: 0 });
    expect(overdue.notify).toEqual([expect.objectContaining({ target: { level: 0, unitPath: "acme" }, reason: "overdue", page: true })]);
    expect(overdue.schedule).toEqual([{ kind: "repeat", signalId: "s1", at: T0 + 450 * MINUTE + 4 * HOUR, level: 0 }]);

    const repeat = overdue.schedule[0]!;
    const reminded = accept(overdue.signal, { type: "deadline", deadline: repeat }, repeat.at);
    expect(reminded.notify).toEqual([expect.objectContaining({ reason: "repeat", target: { level: 0, unitPath: "acme" } })]);
    expect(reminded.schedule).toEqual([{ ...repeat, at: repeat.at + 4 * HOUR }]);
    expect(reminded.signal.timeline).toHaveLength(overdue.signal.timeline.length);
  });

  it("treats a deadline fired twice, or by a second instance, as a no-op", () => {
    const { signal, schedule } = raise();
    const deadline = escalateOf(schedule)!;
    const once = accept(signal, { type: "deadline", deadline }, deadline.at);
    const twice = accept(once.signal, { type: "deadline", deadline }, deadline.at + 5);
    expect(twice).toMatchObject({ changed: false, notify: [] });
    expect(twice.signal).toBe(once.signal);
    expect(twice.signal.holderLevel).toBe(2);
  });

  it("keeps the policy's schedule when a worker fires late, catching up rung by rung", () => {
    const { signal, schedule } = raise();
    const late = T0 + 2 * HOUR;
    const first = accept(signal, { type: "deadline", deadline: escalateOf(schedule)! }, late);
    expect(escalateOf(first.schedule)!.at).toBe(T0 + 90 * MINUTE);
    expect(dueDeadlines(first.schedule, late).map((d) => d.kind)).toEqual(["escalate"]);
    const second = accept(first.signal, { type: "deadline", deadline: escalateOf(first.schedule)! }, late);
    expect(second.signal.holderLevel).toBe(1);
    expect(escalateOf(second.schedule)!.at).toBe(T0 + 210 * MINUTE);
  });

  it("does not stop the clock on acknowledgement", () => {
    const { signal, schedule } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + 5 * MINUTE);
    expect(acked.signal.state).toBe("acknowledged");
    expect(acked.schedule).toEqual(schedule);
    const fired = accept(acked.signal, { type: "deadline", deadline: escalateOf(schedule)! }, T0 + 30 * MINUTE);
    expect(fired.signal).toMatchObject({ state: "escalated", holderLevel: 2, ack: null });
  });

  it("uses the allowances of the policy it is given", () => {
    const policy = resolvePolicy([{ escalation: { allowances: [HOUR, 10 * MINUTE] } }]);
    const { signal, schedule } = raise({ unitPath: "acme/ops" }, T0, policy);
    expect(escalateOf(schedule)!.at).toBe(T0 + 10 * MINUTE);
    const fired = accept(signal, { type: "deadline", deadline: escalateOf(schedule)! }, T0 + 10 * MINUTE, policy);
    expect(escalateOf(fired.schedule)!.at).toBe(T0 + 70 * MINUTE);
    expect(DEFAULT_POLICY.escalation.allowances).toEqual([4 * HOUR, 2 * HOUR, HOUR, 30 * MINUTE]);
  });

  it("ignores a deadline meant for another signal", () => {
    const { signal, schedule } = raise();
    const other = { ...escalateOf(schedule)!, signalId: "s2" };
    const result = applySignalEvent(signal, { type: "deadline", deadline: other }, other.at, DEFAULT_POLICY);
    expect(result).toMatchObject({ ok: true, changed: false });
  });

  it("uses at each rung the policy of the level that receives the signal", () => {
    // Each level's own allowance and reminder interval: the checkout team (3) 10m, payments (2) 20m, ops (1) 40m, the root 80m.
    const byLevel = (level: number) =>
      resolvePolicy([
        { escalation: { allowances: [80 * MINUTE, 40 * MINUTE, 20 * MINUTE, 10 * MINUTE], repeatInterval: (level + 1) * HOUR } },
      ]);
    const policies = [0, 1, 2, 3].map(byLevel);
    const policy = (level: number) => policies[level]!;
    let { signal, schedule } = raise({}, T0, policy);
    expect(schedule).toEqual([
      { kind: "escalate", signalId: "s1", at: T0 + 10 * MINUTE, level: 3 },
      { kind: "repeat", signalId: "s1", at: T0 + 4 * HOUR, level: 3 },
    ]);
    const expected = [
      { at: T0 + 10 * MINUTE, to: 2, next: T0 + 30 * MINUTE, repeat: 3 * HOUR },
      { at: T0 + 30 * MINUTE, to: 1, next: T0 + 70 * MINUTE, repeat: 2 * HOUR },
      { at: T0 + 70 * MINUTE, to: 0, next: T0 + 150 * MINUTE, repeat: HOUR },
    ];
    for (const step of expected) {
      const fired = accept(signal, { type: "deadline", deadline: escalateOf(schedule)! }, step.at, policy);
      expect(fired.signal.holderLevel).toBe(step.to);
      expect(fired.schedule).toEqual([
        { kind: "escalate", signalId: "s1", at: step.next, level: step.to },
        { kind: "repeat", signalId: "s1", at: step.at + step.repeat, level: step.to },
      ]);
      ({ signal, schedule } = fired);
    }
  });

  it("refuses an event dated before the signal's last timeline entry, leaving the signal as it was", () => {
    const { signal } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + 10 * MINUTE).signal;
    const result = applySignalEvent(acked, { type: "note", actor: ALICE, text: "late" }, T0 + 5 * MINUTE, DEFAULT_POLICY);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "out-of-order",
        message: `an event at ${T0 + 5 * MINUTE} is earlier than the signal's last timeline entry at ${T0 + 10 * MINUTE}`,
        state: "acknowledged",
        event: "note",
      },
    });
    expect(accept(acked, { type: "note", actor: ALICE, text: "same instant" }, T0 + 10 * MINUTE).signal.timeline).toHaveLength(3);
  });

  it("raises the version by one on every change and not on a no-op, for the store's compare-and-swap", () => {
    const { signal, schedule } = raise();
    expect(signal.version).toBe(0);
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + MINUTE);
    expect(acked.signal.version).toBe(1);
    const early = accept(acked.signal, { type: "deadline", deadline: escalateOf(schedule)! }, T0 + 2 * MINUTE);
    expect(early.signal.version).toBe(1);
  });

  it("closes a signal still running after the policy's adaptation period as the new normal, when one is set", () => {
    expect(DEFAULT_POLICY.escalation.adaptAfter).toBeNull();
    expect(raise().schedule.map((d) => d.kind)).toEqual(["escalate", "repeat"]);
    const policy = resolvePolicy([{ escalation: { adaptAfter: 3 * HOUR } }]);
    const { signal, schedule } = raise({}, T0, policy);
    const adapt = schedule.find((d) => d.kind === "adapt")!;
    expect(adapt).toEqual({ kind: "adapt", signalId: "s1", at: T0 + 3 * HOUR, level: 3 });
    const escalated = accept(signal, { type: "deadline", deadline: escalateOf(schedule)! }, T0 + 30 * MINUTE, policy);
    const moved = escalated.schedule.find((d) => d.kind === "adapt")!;
    expect(moved).toEqual({ ...adapt, level: 2 });
    // The deadline scheduled for the old holder no longer acts; the current one closes the signal.
    expect(accept(escalated.signal, { type: "deadline", deadline: adapt }, adapt.at, policy).changed).toBe(false);
    const adapted = accept(escalated.signal, { type: "deadline", deadline: moved }, moved.at, policy);
    expect(adapted.signal).toMatchObject({ state: "resolved", closeReason: "adapted", closedAt: T0 + 3 * HOUR });
    expect(adapted.signal.timeline.at(-1)).toMatchObject({
      kind: "adapted",
      reason: "still running 3h after it was raised: closed as the new normal by the adaptation period",
    });
    expect(adapted.notify).toEqual([expect.objectContaining({ reason: "closed", page: false })]);
    expect(adapted.schedule).toEqual([]);
  });
});
