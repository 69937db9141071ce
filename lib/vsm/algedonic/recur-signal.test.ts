import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { accept, ALICE, FILTER, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

const probabilities = { steady: 0.1, step: 0.8, slope: 0.05, transient: 0.05 };

describe("a further change of the same indicator and valence", () => {
  it("is counted on the running signal with a timeline entry, not raised as another (a ramp is one signal)", () => {
    let { signal } = raise();
    for (let i = 1; i <= 6; i += 1) {
      signal = accept(signal, { type: "recur", actor: FILTER, kind: "step", band: "alert", probabilities }, T0 + i * MINUTE).signal;
    }
    expect(signal).toMatchObject({ id: "s1", state: "open", changes: 7, lastChangeAt: T0 + 6 * MINUTE, holderLevel: 3 });
    expect(signal.timeline.map((e) => e.kind)).toEqual(["raised", "recurred", "recurred", "recurred", "recurred", "recurred", "recurred"]);
    expect(signal.timeline.at(-1)).toMatchObject({ reason: "a further step change (7 in all)", probabilities, from: "open", to: "open" });
  });

  it("keeps the worst band, sending a crisis to the root, in the same timeline entry", () => {
    const { signal } = raise({ band: "normal" });
    const crisis = accept(signal, { type: "recur", actor: FILTER, kind: "slope", band: "crisis" }, T0 + MINUTE);
    expect(crisis.signal).toMatchObject({ band: "crisis", bypassedAt: T0 + MINUTE, changes: 2 });
    expect(crisis.signal.timeline.at(-1)).toMatchObject({
      kind: "recurred",
      reason: "a further slope change (2 in all); band normal → crisis",
    });
    expect(crisis.notify.map((n) => [n.route, n.reason])).toEqual([["bypass", "bypass"]]);
    const milder = accept(crisis.signal, { type: "recur", actor: FILTER, kind: "step", band: "alert", reason: "CUSUM" }, T0 + 2 * MINUTE);
    expect(milder.signal).toMatchObject({ band: "crisis", changes: 3 });
    expect(milder.signal.timeline.at(-1)?.reason).toBe("CUSUM");
  });

  it("starts a remedy in progress again, and is counted on a provisional or acknowledged signal too", () => {
    const { signal } = raise();
    const back = accept(signal, { type: "observe", actor: FILTER, level: 100, band: "normal" }, T0 + MINUTE).signal;
    expect(back.remedySince).toBe(T0 + MINUTE);
    expect(accept(back, { type: "recur", actor: FILTER, kind: "step", band: "alert" }, T0 + 2 * MINUTE).signal.remedySince).toBeNull();
    const provisional = raise({ provisional: true }).signal;
    expect(accept(provisional, { type: "recur", actor: FILTER, kind: "step", band: "alert" }, T0 + MINUTE).signal).toMatchObject({
      state: "provisional",
      changes: 2,
    });
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + MINUTE).signal;
    expect(accept(acked, { type: "recur", actor: FILTER, kind: "step", band: "alert" }, T0 + 2 * MINUTE).signal.state).toBe("acknowledged");
  });

  it("is refused by a closed signal: the next change raises a new one", () => {
    const { signal } = raise();
    const resolved = accept(signal, { type: "resolve", actor: ALICE, reason: "fixed" }, T0 + MINUTE).signal;
    expect(
      applySignalEvent(resolved, { type: "recur", actor: FILTER, kind: "step", band: "alert" }, T0 + 2 * MINUTE, DEFAULT_POLICY),
    ).toMatchObject({
      ok: false,
      error: { code: "illegal-transition" },
    });
  });
});
