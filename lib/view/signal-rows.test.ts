import { describe, expect, it } from "vitest";
import { accept, ALICE, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { roughly, signalRow, signalRows, timelineRows } from "@/lib/view/signal-rows";
import { HOUR, MINUTE } from "@/lib/vsm/types";

describe("signal rows", () => {
  it("give ages and countdowns to the second within the hour and to the minute beyond", () => {
    expect([500, 61_400, 3 * HOUR + 20 * MINUTE + 31_722].map(roughly)).toEqual(["under a second", "1m 1s", "3h 21m"]);
  });

  it("say who holds a signal, how old it is and when it climbs", () => {
    const { signal, schedule } = raise();
    expect(signalRow(signal, T0 + 12 * MINUTE)).toEqual({
      id: "s1",
      state: "open",
      valence: "pain",
      band: "alert",
      kind: "step",
      indicator: "orders-per-minute",
      unitPath: "acme/ops/payments/checkout",
      holder: { path: "acme/ops/payments/checkout", level: 3 },
      age: "12m",
      clock: "climbs in 18m",
      changes: 1,
      closed: false,
      hiddenBy: null,
    });
    expect(signalRow(signal, T0 + 31 * MINUTE).clock).toBe("due to climb now");
    const escalated = accept(signal, { type: "deadline", deadline: schedule[0]! }, T0 + 30 * MINUTE).signal;
    expect(signalRow(escalated, T0 + 40 * MINUTE)).toMatchObject({
      holder: { path: "acme/ops/payments", level: 2 },
      clock: "climbs in 50m",
    });
  });

  it("say why the console hides a signal: a silence, inhibition by a signal above, or both", () => {
    const { signal } = raise();
    expect(signalRow(signal, T0, { silencedBy: ["sil-1"], inhibitedBy: [] }).hiddenBy).toBe("silenced (sil-1)");
    expect(signalRow(signal, T0, { silencedBy: ["a"], inhibitedBy: ["p", "q"] }).hiddenBy).toBe("silenced (a); inhibited by p, q");
    expect(signalRow(signal, T0, { silencedBy: [], inhibitedBy: [] }).hiddenBy).toBeNull();
    expect(signalRows([signal], T0, new Map([["s1", { silencedBy: [], inhibitedBy: ["p"] }]]))[0]!.hiddenBy).toBe("inhibited by p");
  });

  it("say why and when a closed signal closed, and how long a provisional one waits", () => {
    const { signal } = raise();
    const resolved = accept(signal, { type: "resolve", actor: ALICE, reason: "new tariff", resolution: "accepted-new-normal" }, T0 + HOUR);
    expect(signalRow(resolved.signal, T0 + 2 * HOUR)).toMatchObject({ closed: true, clock: "accepted as the new normal 1h ago" });
    expect(signalRow(raise({ provisional: true }).signal, T0 + 5 * MINUTE).clock).toBe(
      "unconfirmed; retracted in 10m without a next point",
    );
  });

  it("list running pain first, oldest first, then pleasure, then closed signals by when they closed", () => {
    const old = raise({ id: "old" }, T0).signal;
    const young = raise({ id: "young" }, T0 + MINUTE).signal;
    const good = raise({ id: "good", valence: "pleasure" }, T0 - HOUR).signal;
    const done = accept(raise({ id: "done" }).signal, { type: "resolve", actor: ALICE, reason: "x" }, T0 + 2 * MINUTE).signal;
    const earlier = accept(raise({ id: "earlier" }).signal, { type: "resolve", actor: ALICE, reason: "x" }, T0 + MINUTE).signal;
    expect(signalRows([done, good, young, earlier, old], T0 + HOUR).map((r) => r.id)).toEqual(["old", "young", "good", "done", "earlier"]);
  });

  it("turn a timeline into rows a person reads", () => {
    const { signal } = raise({ probabilities: { steady: 0.1, step: 0.85, slope: 0.03, transient: 0.02 } });
    const acked = accept(signal, { type: "acknowledge", actor: ALICE, note: "on it" }, T0 + 5 * MINUTE).signal;
    expect(timelineRows(acked)).toEqual([
      {
        seq: 0,
        at: T0,
        offset: "raised",
        kind: "raised",
        change: "open",
        holder: "acme/ops/payments/checkout (level 3)",
        actor: "filter",
        reason: "step change down",
        probabilities: "steady 0.10, step 0.85, slope 0.03, transient 0.02",
      },
      {
        seq: 1,
        at: T0 + 5 * MINUTE,
        offset: "+5m",
        kind: "acknowledged",
        change: "open → acknowledged",
        holder: "acme/ops/payments/checkout (level 3)",
        actor: "alice",
        reason: "on it",
        probabilities: null,
      },
    ]);
  });
});
