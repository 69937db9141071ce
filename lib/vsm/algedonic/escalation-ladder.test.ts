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
});
