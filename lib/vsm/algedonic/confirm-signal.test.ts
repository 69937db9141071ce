import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { accept, ALICE, FILTER, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { HOUR, MINUTE } from "@/lib/vsm/types";

const probabilities = { steady: 0.2, step: 0.7, slope: 0.05, transient: 0.05 };

describe("provisional signals", () => {
  it("notify nobody and schedule only their expiry until the filter confirms them", () => {
    const raised = raise({ provisional: true, probabilities });
    expect(raised.signal.state).toBe("provisional");
    expect(raised.notify).toEqual([]);
    // DEFAULT_POLICY: a provisional signal waits 15 minutes for its next point.
    expect(raised.schedule).toEqual([{ kind: "expire", signalId: "s1", at: T0 + 15 * MINUTE, level: 3 }]);
    expect(raised.signal.timeline).toEqual([
      { seq: 0, at: T0, actor: FILTER, kind: "raised", from: null, to: "provisional", level: 3, reason: "step change down", probabilities },
    ]);
  });

  it("open on confirmation, with the clock running from when the change was raised", () => {
    const { signal } = raise({ provisional: true, band: "crisis" });
    const confirmed = accept(signal, { type: "confirm", actor: FILTER, probabilities }, T0 + 5 * MINUTE);
    expect(confirmed.signal).toMatchObject({ state: "open", bypassedAt: T0 + 5 * MINUTE });
    expect(confirmed.schedule).toContainEqual({ kind: "escalate", signalId: "s1", at: T0 + 30 * MINUTE, level: 3 });
    expect(confirmed.notify.map((n) => [n.route, n.reason])).toEqual([
      ["ladder", "raised"],
      ["bypass", "raised"],
    ]);
    expect(confirmed.signal.timeline.at(-1)).toMatchObject({
      kind: "confirmed",
      from: "provisional",
      to: "open",
      probabilities,
      reason: "confirmed one period later by the one-step-back probabilities",
    });
  });

  it("are retracted visibly, and nothing happens after", () => {
    const { signal } = raise({ provisional: true });
    const retracted = accept(signal, { type: "retract", actor: FILTER, probabilities }, T0 + MINUTE);
    expect(retracted.signal).toMatchObject({ state: "retracted", closedAt: T0 + MINUTE, closeReason: "retracted" });
    expect(retracted.notify).toEqual([]);
    expect(retracted.schedule).toEqual([]);
    expect(retracted.signal.timeline.map((e) => `${e.from}→${e.to}`)).toEqual(["null→provisional", "provisional→retracted"]);
    expect(retracted.signal.timeline.at(-1)?.reason).toMatch(/^retracted one period later/);
    for (const event of [
      { type: "confirm", actor: FILTER },
      { type: "acknowledge", actor: ALICE },
      { type: "resolve", actor: ALICE, reason: "gone" },
    ] as const) {
      expect(applySignalEvent(retracted.signal, event, T0 + 2 * MINUTE, DEFAULT_POLICY)).toMatchObject({
        ok: false,
        error: { code: "illegal-transition", state: "retracted", event: event.type },
      });
    }
  });

  it("take the filter's own reason when it gives one", () => {
    const { signal } = raise({ provisional: true });
    const retracted = accept(signal, { type: "retract", actor: FILTER, reason: "q(step) = 0.31" }, T0 + MINUTE);
    expect(retracted.signal.timeline.at(-1)?.reason).toBe("q(step) = 0.31");
  });

  it("cannot be retracted once open, nor confirmed twice", () => {
    const { signal } = raise();
    expect(applySignalEvent(signal, { type: "retract", actor: FILTER }, T0 + MINUTE, DEFAULT_POLICY)).toMatchObject({
      ok: false,
      error: { code: "illegal-transition", message: "cannot retract a signal that is open" },
    });
    expect(applySignalEvent(signal, { type: "confirm", actor: FILTER }, T0 + MINUTE, DEFAULT_POLICY)).toMatchObject({ ok: false });
  });

  it("cannot be acknowledged or observed before confirmation", () => {
    const { signal } = raise({ provisional: true });
    expect(applySignalEvent(signal, { type: "acknowledge", actor: ALICE }, T0 + MINUTE, DEFAULT_POLICY)).toMatchObject({ ok: false });
    const observe = { type: "observe", actor: FILTER, level: 100, band: "normal" } as const;
    expect(applySignalEvent(signal, observe, T0 + MINUTE, DEFAULT_POLICY)).toMatchObject({ ok: false });
  });

  it("are retracted as unconfirmed when no next point arrives in time, and nobody hears of them", () => {
    const raised = raise({ provisional: true });
    const [expiry] = raised.schedule;
    const early = accept(raised.signal, { type: "deadline", deadline: expiry! }, expiry!.at - 1);
    expect(early.changed).toBe(false);
    const expired = accept(raised.signal, { type: "deadline", deadline: expiry! }, expiry!.at);
    expect(expired.signal).toMatchObject({ state: "retracted", closeReason: "unconfirmed", closedAt: T0 + 15 * MINUTE });
    expect(expired.signal.timeline.at(-1)).toMatchObject({
      kind: "retracted",
      actor: { type: "system", component: "clock" },
      reason: "unconfirmed: no next point within 15m",
    });
    expect(expired.notify).toEqual([]);
    expect(expired.schedule).toEqual([]);
  });

  it("in the crisis band are confirmed at their expiry instead, and go straight to the root", () => {
    const raised = raise({ provisional: true, band: "crisis" });
    const expired = accept(raised.signal, { type: "deadline", deadline: raised.schedule[0]! }, T0 + 15 * MINUTE);
    expect(expired.signal).toMatchObject({ state: "open", bypassedAt: T0 + 15 * MINUTE, deadlines: { expireAt: null } });
    expect(expired.signal.timeline.at(-1)).toMatchObject({
      kind: "confirmed",
      reason: "no next point within 15m; confirmed because it is a crisis",
    });
    expect(expired.notify.map((n) => n.route)).toEqual(["ladder", "bypass"]);
  });

  it("no longer expire once confirmed: the old expiry is a no-op", () => {
    const raised = raise({ provisional: true });
    const confirmed = accept(raised.signal, { type: "confirm", actor: FILTER }, T0 + MINUTE);
    expect(confirmed.schedule.map((d) => d.kind)).toEqual(["escalate", "repeat"]);
    const stale = accept(confirmed.signal, { type: "deadline", deadline: raised.schedule[0]! }, T0 + 15 * MINUTE);
    expect(stale.changed).toBe(false);
  });

  it("wait as long as the owner's level's policy says", () => {
    const policy = (level: number) => resolvePolicy([{ escalation: { provisionalTimeout: level === 3 ? 5 * MINUTE : HOUR } }]);
    expect(raise({ provisional: true }, T0, policy).schedule).toEqual([{ kind: "expire", signalId: "s1", at: T0 + 5 * MINUTE, level: 3 }]);
  });
});
