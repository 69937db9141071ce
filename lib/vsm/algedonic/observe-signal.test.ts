import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, FILTER, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { trackRemedy } from "@/lib/vsm/algedonic/track-remedy";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { HOUR, MINUTE } from "@/lib/vsm/types";

const steady: SignalEvent = { type: "observe", actor: FILTER, regime: "steady", band: "normal" };
const probabilities = { steady: 0.97, step: 0.01, slope: 0.01, transient: 0.01 };

function observe(signal: Signal, events: SignalEvent[], start = T0 + MINUTE) {
  let current = signal;
  const results = events.map((event, i) => {
    const result = accept(current, event, start + i * MINUTE);
    current = result.signal;
    return result;
  });
  return { signal: current, results };
}

describe("trackRemedy", () => {
  it("counts consecutive steady, normal periods up to policy.escalation.remedyPeriods", () => {
    expect(trackRemedy(0, { regime: "steady", band: "normal" }, DEFAULT_POLICY)).toEqual({ streak: 1, remedied: false });
    expect(trackRemedy(2, { regime: "steady", band: "normal" }, DEFAULT_POLICY)).toEqual({ streak: 3, remedied: true });
    expect(trackRemedy(2, { regime: "steady", band: "alert" }, DEFAULT_POLICY)).toEqual({ streak: 0, remedied: false });
    expect(trackRemedy(2, { regime: "transient", band: "normal" }, DEFAULT_POLICY)).toEqual({ streak: 0, remedied: false });
    const quick = resolvePolicy([{ escalation: { remedyPeriods: 1 } }]);
    expect(trackRemedy(0, { regime: "steady", band: "normal" }, quick)).toEqual({ streak: 1, remedied: true });
  });
});

describe("observing a signal's indicator", () => {
  it("remedies after remedyPeriods steady normal periods and stops the ladder", () => {
    const { signal, schedule } = raise();
    const { signal: remedied, results } = observe(signal, [steady, steady, { ...steady, probabilities }]);
    expect(results.map((r) => r.signal.state)).toEqual(["open", "open", "remedied"]);
    expect(results[0]!.signal.timeline).toHaveLength(1);
    expect(remedied).toMatchObject({ remedyStreak: 3, closedAt: T0 + 3 * MINUTE, deadlines: { escalateAt: null, repeatAt: null } });
    expect(remedied.timeline.at(-1)).toMatchObject({ kind: "remedied", from: "open", to: "remedied", probabilities, actor: FILTER });
    expect(results[2]!.schedule).toEqual([]);
    expect(results[2]!.notify).toEqual([expect.objectContaining({ reason: "closed", page: false, state: "remedied" })]);

    // Every deadline scheduled before the remedy is now a no-op.
    for (const deadline of schedule) {
      const late = accept(remedied, { type: "deadline", deadline }, deadline.at);
      expect(late).toMatchObject({ changed: false, notify: [], schedule: [] });
      expect(late.signal).toBe(remedied);
    }
    const more = applySignalEvent(remedied, steady, T0 + HOUR, DEFAULT_POLICY);
    expect(more).toMatchObject({ ok: false, error: { code: "illegal-transition", state: "remedied", event: "observe" } });
  });

  it("starts the count again after a relapse", () => {
    const { signal } = raise();
    const relapse: SignalEvent = { type: "observe", actor: FILTER, regime: "slope", band: "alert" };
    const { signal: after } = observe(signal, [steady, steady, relapse, steady, steady]);
    expect(after).toMatchObject({ state: "open", remedyStreak: 2 });
    expect(after.timeline).toHaveLength(1);
  });

  it("does not change the signal for a period that neither counts nor worsens", () => {
    const { signal } = raise();
    const same = accept(signal, { type: "observe", actor: FILTER, regime: "step", band: "alert" }, T0 + MINUTE);
    expect(same.changed).toBe(false);
    expect(same.signal).toBe(signal);
  });

  it("remedies an acknowledged or escalated signal the same way", () => {
    const { signal, schedule } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + MINUTE).signal;
    expect(observe(acked, [steady, steady, steady], T0 + 2 * MINUTE).signal.state).toBe("remedied");
    const up = accept(signal, { type: "deadline", deadline: schedule[0]! }, schedule[0]!.at).signal;
    const closed = observe(up, [steady, steady, steady], schedule[0]!.at + MINUTE).signal;
    expect(closed).toMatchObject({ state: "remedied", holderLevel: 2 });
    expect(closed.timeline.at(-1)).toMatchObject({ from: "escalated", level: 2 });
  });

  it("records a worse band, and sends a new crisis straight to the root's S5", () => {
    const { signal } = raise({ band: "normal" });
    const alert = accept(signal, { type: "observe", actor: FILTER, regime: "step", band: "alert" }, T0 + MINUTE);
    expect(alert.signal.band).toBe("alert");
    expect(alert.notify).toEqual([]);
    expect(alert.signal.timeline.at(-1)).toMatchObject({ kind: "band-changed", from: "open", to: "open", reason: "band normal → alert" });

    const crisis = accept(alert.signal, { type: "observe", actor: FILTER, regime: "step", band: "crisis", probabilities }, T0 + 2 * MINUTE);
    expect(crisis.signal).toMatchObject({ band: "crisis", bypassedAt: T0 + 2 * MINUTE });
    expect(crisis.notify).toEqual([
      expect.objectContaining({ route: "bypass", reason: "bypass", target: { level: 0, unitPath: "acme" }, page: true, band: "crisis" }),
    ]);
    expect(crisis.signal.timeline.at(-1)).toMatchObject({ kind: "band-changed", reason: "band alert → crisis", probabilities });

    // A better band later does not undo the crisis: the signal keeps the worst it has seen.
    const better = accept(crisis.signal, { type: "observe", actor: FILTER, regime: "step", band: "alert" }, T0 + 3 * MINUTE);
    expect(better.signal.band).toBe("crisis");
    expect(better.changed).toBe(false);
  });

  it("does not bypass when the policy turns the bypass off", () => {
    const policy = resolvePolicy([{ escalation: { crisisBypass: false } }]);
    const { signal } = raise({}, T0, policy);
    const crisis = accept(signal, { type: "observe", actor: FILTER, regime: "step", band: "crisis" }, T0 + MINUTE, policy);
    expect(crisis.signal).toMatchObject({ band: "crisis", bypassedAt: null });
    expect(crisis.notify).toEqual([]);
  });
});
