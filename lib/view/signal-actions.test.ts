import { describe, expect, it } from "vitest";
import { attentionOf, responsesOf } from "@/lib/view/signal-actions";
import type { Actor, Signal } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, FILTER, raise, REFERENCE, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { MINUTE } from "@/lib/vsm/types";

const ALERTMANAGER: Actor = { type: "system", component: "alertmanager" };

/** Back at the reference for the default three periods: the data remedies it. */
function remedied(signal: Signal, from: number): Signal {
  let s = signal;
  for (const minute of [1, 2, 3, 4])
    s = accept(s, { type: "observe", actor: FILTER, level: REFERENCE.level, band: "normal" }, from + minute * MINUTE).signal;
  return s;
}

describe("what a signal's timeline says was done", () => {
  const open = raise().signal;
  const acked = accept(open, { type: "acknowledge", actor: ALICE }, T0 + MINUTE).signal;
  const noted = accept(acked, { type: "note", actor: ALICE, text: "gateway timeouts" }, T0 + 2 * MINUTE).signal;

  it("counts an acknowledgement as its owner, an operator's resolve as its resolution, a remedy as the indicator's family", () => {
    const falseAlarm = accept(noted, { type: "resolve", actor: ALICE, reason: "test traffic", resolution: "false-alarm" }, T0 + 3 * MINUTE);
    expect(responsesOf(falseAlarm.signal)).toEqual([
      { at: T0 + MINUTE, kind: "owner", action: "user:alice" },
      { at: T0 + 3 * MINUTE, kind: "resolve", action: "false-alarm" },
    ]);
    const fixed = accept(noted, { type: "resolve", actor: ALICE, reason: "restarted" }, T0 + 3 * MINUTE).signal;
    expect(responsesOf(fixed).at(-1)).toEqual({ at: T0 + 3 * MINUTE, kind: "resolve", action: "fixed" });
    expect(responsesOf(remedied(noted, T0 + 2 * MINUTE)).at(-1)).toEqual({ at: T0 + 6 * MINUTE, kind: "remedy", action: "orders" });
    // Without a family, the indicator's own regulation.
    const bare = remedied(raise({ family: null }).signal, T0);
    expect(responsesOf(bare)).toEqual([{ at: T0 + 4 * MINUTE, kind: "remedy", action: "orders-per-minute" }]);
    expect(responsesOf(accept(open, { type: "acknowledge", actor: FILTER }, T0).signal)[0]!.action).toBe("system:filter");
  });

  it("leaves out an alert that its sender resolved: the disturbance went away, nobody responded", () => {
    const alert = raise({ reference: null }).signal;
    const ended = accept(alert, { type: "resolve", actor: ALERTMANAGER, reason: "resolved", resolution: "alert-resolved" }, T0 + MINUTE);
    expect(responsesOf(ended.signal)).toEqual([]);
    expect(attentionOf(ended.signal, null)).toEqual([]);
  });

  it("gives one unit of attention per operator action, S4's on an environment indicator and S3's otherwise", () => {
    const resolved = accept(noted, { type: "resolve", actor: ALICE, reason: "restarted" }, T0 + 3 * MINUTE).signal;
    const times = [T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE];
    expect(attentionOf(resolved, "environment")).toEqual(times.map((at) => ({ at, tag: "S4", weight: 1 })));
    expect(attentionOf(resolved, "operations")).toEqual(times.map((at) => ({ at, tag: "S3", weight: 1 })));
    // The filter's own transitions are not attention.
    expect(attentionOf(remedied(open, T0), "operations")).toEqual([]);
  });
});
