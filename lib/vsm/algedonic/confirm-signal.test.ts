import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { accept, ALICE, FILTER, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

const probabilities = { steady: 0.2, step: 0.7, slope: 0.05, transient: 0.05 };

describe("provisional signals", () => {
  it("notify nobody and schedule nothing until the filter confirms them", () => {
    const raised = raise({ provisional: true, probabilities });
    expect(raised.signal.state).toBe("provisional");
    expect(raised.notify).toEqual([]);
    expect(raised.schedule).toEqual([]);
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
    expect(retracted.signal).toMatchObject({ state: "retracted", closedAt: T0 + MINUTE });
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
    const observe = { type: "observe", actor: FILTER, regime: "steady", band: "normal" } as const;
    expect(applySignalEvent(signal, observe, T0 + MINUTE, DEFAULT_POLICY)).toMatchObject({ ok: false });
  });
});
