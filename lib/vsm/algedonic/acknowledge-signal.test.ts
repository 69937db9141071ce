import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { accept, ALICE, BOB, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { HOUR, MINUTE } from "@/lib/vsm/types";

// A level-3 signal raised at T0 escalates at T0 + 30m; maxExtension is 2h.
const DUE = T0 + 30 * MINUTE;

describe("acknowledging a signal", () => {
  it("records who acknowledged, at which level, and when they expect the remedy", () => {
    const { signal } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE, eta: T0 + 20 * MINUTE }, T0 + 5 * MINUTE);
    expect(acked.signal.ack).toEqual({ by: ALICE, at: T0 + 5 * MINUTE, eta: T0 + 20 * MINUTE, extension: null });
    expect(acked.signal.deadlines.escalateAt).toBe(DUE);
    expect(acked.notify).toEqual([]);
    expect(acked.signal.timeline.at(-1)).toMatchObject({
      kind: "acknowledged",
      from: "open",
      to: "acknowledged",
      level: 3,
      reason: "acknowledged at level 3",
    });
  });

  it("extends the allowance once, capped at maxExtension, and rejects a second extension", () => {
    const { signal } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE, eta: DUE + 3 * HOUR, note: "rolling back" }, T0 + 5 * MINUTE);
    expect(acked.signal.ack?.extension).toEqual({ from: DUE, to: DUE + 2 * HOUR });
    expect(acked.schedule).toContainEqual({ kind: "escalate", signalId: "s1", at: DUE + 2 * HOUR, level: 3 });
    expect(acked.signal.timeline.at(-1)?.reason).toBe("rolling back; allowance extended by 2h");

    const again = applySignalEvent(acked.signal, { type: "extend", actor: ALICE, eta: DUE + 3 * HOUR }, T0 + 10 * MINUTE, DEFAULT_POLICY);
    expect(again).toEqual({
      ok: false,
      error: { code: "extension-used", message: expect.any(String), state: "acknowledged", event: "extend" },
    });
    const reack = applySignalEvent(
      acked.signal,
      { type: "acknowledge", actor: BOB, eta: DUE + 3 * HOUR },
      T0 + 10 * MINUTE,
      DEFAULT_POLICY,
    );
    expect(reack).toMatchObject({ ok: false, error: { code: "illegal-transition", state: "acknowledged", event: "acknowledge" } });

    // The superseded deadline no longer acts; the extended one does.
    const old = accept(acked.signal, { type: "deadline", deadline: { kind: "escalate", signalId: "s1", at: DUE, level: 3 } }, DUE);
    expect(old.changed).toBe(false);
    const fired = accept(
      acked.signal,
      { type: "deadline", deadline: { kind: "escalate", signalId: "s1", at: DUE + 2 * HOUR, level: 3 } },
      DUE + 2 * HOUR,
    );
    expect(fired.signal.holderLevel).toBe(2);
    // The next rung's fresh allowance (1h) counts from the extended deadline.
    expect(fired.signal.deadlines.escalateAt).toBe(DUE + 3 * HOUR);
  });

  it("lets a holder who acknowledged without extending extend once later", () => {
    const { signal } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + 5 * MINUTE);
    const extended = accept(acked.signal, { type: "extend", actor: ALICE, eta: DUE + 45 * MINUTE }, T0 + 10 * MINUTE);
    expect(extended.signal.ack).toMatchObject({ by: ALICE, eta: DUE + 45 * MINUTE, extension: { from: DUE, to: DUE + 45 * MINUTE } });
    expect(extended.signal.state).toBe("acknowledged");
    expect(extended.signal.timeline.at(-1)).toMatchObject({
      kind: "extended",
      from: "acknowledged",
      to: "acknowledged",
      reason: "allowance extended by 45m",
    });
    const second = applySignalEvent(extended.signal, { type: "extend", actor: ALICE, eta: DUE + HOUR }, T0 + 11 * MINUTE, DEFAULT_POLICY);
    expect(second).toMatchObject({ ok: false, error: { code: "extension-used" } });
    expect(extended.signal.deadlines.escalateAt).toBe(DUE + 45 * MINUTE);
  });

  it("gives each rung's holder their own single extension", () => {
    const { signal } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE, eta: DUE + HOUR }, T0 + 5 * MINUTE);
    const up = accept(
      acked.signal,
      { type: "deadline", deadline: { kind: "escalate", signalId: "s1", at: DUE + HOUR, level: 3 } },
      DUE + HOUR,
    );
    expect(up.signal).toMatchObject({ state: "escalated", ack: null, holderLevel: 2 });
    const next = up.signal.deadlines.escalateAt!;
    const bobAck = accept(up.signal, { type: "acknowledge", actor: BOB, eta: next + 10 * MINUTE }, DUE + HOUR + MINUTE);
    expect(bobAck.signal.ack?.extension).toEqual({ from: next, to: next + 10 * MINUTE });
  });

  it("rejects an ETA in the past and an extension that extends nothing", () => {
    const { signal } = raise();
    const past = applySignalEvent(signal, { type: "acknowledge", actor: ALICE, eta: T0 }, T0 + MINUTE, DEFAULT_POLICY);
    expect(past).toMatchObject({ ok: false, error: { code: "eta-not-in-future", state: "open" } });
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + MINUTE);
    const pastExtend = applySignalEvent(acked.signal, { type: "extend", actor: ALICE, eta: T0 }, T0 + 2 * MINUTE, DEFAULT_POLICY);
    expect(pastExtend).toMatchObject({ ok: false, error: { code: "eta-not-in-future" } });
    const within = applySignalEvent(acked.signal, { type: "extend", actor: ALICE, eta: DUE - MINUTE }, T0 + 2 * MINUTE, DEFAULT_POLICY);
    expect(within).toMatchObject({ ok: false, error: { code: "nothing-to-extend" } });
  });

  it("rejects extending before acknowledging", () => {
    const { signal } = raise();
    const result = applySignalEvent(signal, { type: "extend", actor: ALICE, eta: DUE + HOUR }, T0 + MINUTE, DEFAULT_POLICY);
    expect(result).toMatchObject({ ok: false, error: { code: "illegal-transition", state: "open", event: "extend" } });
  });

  it("has nothing to extend at the root once its allowance has run out", () => {
    const { signal } = raise({ unitPath: "acme" });
    const overdue = accept(
      signal,
      { type: "deadline", deadline: { kind: "escalate", signalId: "s1", at: T0 + 4 * HOUR, level: 0 } },
      T0 + 4 * HOUR,
    );
    expect(overdue.signal.deadlines.escalateAt).toBeNull();
    const acked = accept(overdue.signal, { type: "acknowledge", actor: ALICE, eta: T0 + 6 * HOUR }, T0 + 5 * HOUR);
    expect(acked.signal.ack).toMatchObject({ eta: T0 + 6 * HOUR, extension: null });
    const extend = applySignalEvent(acked.signal, { type: "extend", actor: ALICE, eta: T0 + 6 * HOUR }, T0 + 5 * HOUR, DEFAULT_POLICY);
    expect(extend).toMatchObject({ ok: false, error: { code: "nothing-to-extend" } });
  });
});
