import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { accept, ALICE, BOB, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

describe("resolving a signal", () => {
  it("requires a reason and leaves the signal unchanged without one", () => {
    const { signal } = raise();
    for (const reason of ["", "   "]) {
      const result = applySignalEvent(signal, { type: "resolve", actor: ALICE, reason }, T0 + MINUTE, DEFAULT_POLICY);
      expect(result).toEqual({
        ok: false,
        error: { code: "reason-required", message: "resolving a signal needs a reason", state: "open", event: "resolve" },
      });
    }
    expect(signal.state).toBe("open");
    expect(signal.timeline).toHaveLength(1);
  });

  it("stops the clock, records the reason and tells the holders, without paging", () => {
    const { signal, schedule } = raise({ band: "crisis" });
    const resolved = accept(signal, { type: "resolve", actor: ALICE, reason: "  upstream outage, tracked in INC-42 " }, T0 + MINUTE);
    expect(resolved.signal).toMatchObject({
      state: "resolved",
      closedAt: T0 + MINUTE,
      closeReason: "fixed",
      deadlines: { escalateAt: null, repeatAt: null },
    });
    expect(resolved.schedule).toEqual([]);
    expect(resolved.signal.timeline.at(-1)).toMatchObject({
      kind: "resolved",
      actor: ALICE,
      reason: "resolved as fixed: upstream outage, tracked in INC-42",
    });
    expect(resolved.notify.map((n) => [n.route, n.reason, n.page])).toEqual([
      ["ladder", "closed", false],
      ["bypass", "closed", false],
    ]);
    for (const deadline of schedule) expect(accept(resolved.signal, { type: "deadline", deadline }, deadline.at).changed).toBe(false);
  });

  it("says how it was resolved: accepted as the new normal, a false alarm, or its alert resolved", () => {
    const { signal } = raise();
    const cases = [
      ["accepted-new-normal", "accepted as the new normal: the new tariff halves orders"],
      ["false-alarm", "resolved as a false alarm: load test"],
      ["alert-resolved", "its alert resolved: endsAt passed"],
    ] as const;
    for (const [resolution, reason] of cases) {
      const resolved = accept(signal, { type: "resolve", actor: ALICE, reason: reason.split(": ")[1]!, resolution }, T0 + MINUTE);
      expect(resolved.signal).toMatchObject({ state: "resolved", closeReason: resolution });
      expect(resolved.signal.timeline.at(-1)?.reason).toBe(reason);
    }
  });

  it("closes a provisional signal quietly, since nobody heard of it", () => {
    const { signal } = raise({ provisional: true });
    const resolved = accept(signal, { type: "resolve", actor: ALICE, reason: "known deploy" }, T0 + MINUTE);
    expect(resolved.signal.state).toBe("resolved");
    expect(resolved.notify).toEqual([]);
  });
});

describe("notes", () => {
  it("add a timeline entry in any state, changing nothing else", () => {
    const { signal } = raise();
    const resolved = accept(signal, { type: "resolve", actor: ALICE, reason: "fixed" }, T0 + MINUTE).signal;
    const noted = accept(resolved, { type: "note", actor: BOB, text: " postmortem: PM-7 " }, T0 + 2 * MINUTE);
    expect(noted.signal.timeline.at(-1)).toEqual({
      seq: 2,
      at: T0 + 2 * MINUTE,
      actor: BOB,
      kind: "noted",
      from: "resolved",
      to: "resolved",
      level: 3,
      reason: "postmortem: PM-7",
    });
    expect(noted.signal.version).toBe(2);
    expect({ ...noted.signal, timeline: [] }).toEqual({ ...resolved, timeline: [], version: resolved.version + 1 });
    expect(noted.notify).toEqual([]);
  });

  it("need text", () => {
    const { signal } = raise();
    expect(applySignalEvent(signal, { type: "note", actor: BOB, text: " " }, T0, DEFAULT_POLICY)).toMatchObject({
      ok: false,
      error: { code: "reason-required" },
    });
  });
});
