import { describe, expect, it } from "vitest";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import type { Signal, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, FILTER, raise, REFERENCE, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { isBack, trackRemedy } from "@/lib/vsm/algedonic/track-remedy";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { HOUR, MINUTE, type Band } from "@/lib/vsm/types";

// The fixture's signal: orders per minute stepped down from a reference of 100 (sd 2, a point a
// minute). With the default tolerance of 1 sd, "back" means a level of 98 or more; with k = 3
// periods, remedy needs three minutes of time back and in the normal band.
type Observe = Extract<SignalEvent, { type: "observe" }>;
const at = (level: number, band: Band = "normal"): Observe => ({
  type: "observe",
  actor: FILTER,
  level,
  band,
});
const back = at(100);
const probabilities = { steady: 0.97, step: 0.01, slope: 0.01, transient: 0.01 };

function observe(signal: Signal, events: SignalEvent[], start = T0 + MINUTE, every = MINUTE) {
  let current = signal;
  const results = events.map((event, i) => {
    const result = accept(current, event, start + i * every);
    current = result.signal;
    return result;
  });
  return { signal: current, results };
}

describe("isBack and trackRemedy", () => {
  it("measure back against the reference in the direction the change went, within the tolerance", () => {
    expect(isBack(REFERENCE, 98, DEFAULT_POLICY)).toBe(true);
    expect(isBack(REFERENCE, 97.9, DEFAULT_POLICY)).toBe(false);
    expect(isBack(REFERENCE, 130, DEFAULT_POLICY)).toBe(true);
    const up = { ...REFERENCE, direction: 1 as const };
    expect(isBack(up, 102, DEFAULT_POLICY)).toBe(true);
    expect(isBack(up, 102.1, DEFAULT_POLICY)).toBe(false);
    expect(isBack(REFERENCE, 99, resolvePolicy([{ escalation: { remedyTolerance: 0 } }]))).toBe(false);
  });

  it("runs a clock from the first period back, reset by any period that is not, remedied after k periods of time", () => {
    const observation = { level: 100, band: "normal" as const };
    expect(trackRemedy(null, REFERENCE, observation, T0, DEFAULT_POLICY)).toEqual({ since: T0, remedied: false });
    expect(trackRemedy(T0, REFERENCE, observation, T0 + 3 * MINUTE - 1, DEFAULT_POLICY)).toEqual({ since: T0, remedied: false });
    expect(trackRemedy(T0, REFERENCE, observation, T0 + 3 * MINUTE, DEFAULT_POLICY)).toEqual({ since: T0, remedied: true });
    expect(trackRemedy(T0, REFERENCE, { level: 100, band: "alert" }, T0 + HOUR, DEFAULT_POLICY)).toEqual({ since: null, remedied: false });
    expect(trackRemedy(T0, REFERENCE, { level: 90, band: "normal" }, T0 + HOUR, DEFAULT_POLICY)).toEqual({ since: null, remedied: false });
  });
});

describe("observing a signal's indicator", () => {
  it("does not remedy a lasting degradation the filter has learnt as its new level (100 → 90 and staying)", () => {
    const { signal, schedule } = raise();
    // The filter soon calls 90 steady and the band normal: the level is still not back.
    const { signal: after } = observe(
      signal,
      Array.from({ length: 20 }, () => at(90)),
    );
    expect(after).toMatchObject({ state: "open", remedySince: null });
    const escalate = schedule.find((d) => d.kind === "escalate")!;
    expect(accept(after, { type: "deadline", deadline: escalate }, escalate.at).signal).toMatchObject({
      state: "escalated",
      holderLevel: 2,
    });
  });

  it("remedies once the level has been back at the reference, in the normal band, for k periods of time", () => {
    const { signal, schedule } = raise();
    const { signal: remedied, results } = observe(signal, [at(90), back, back, back, { ...back, probabilities }]);
    expect(results.map((r) => r.signal.state)).toEqual(["open", "open", "open", "open", "remedied"]);
    expect(results[1]!.signal).toMatchObject({ remedySince: T0 + 2 * MINUTE });
    expect(results[1]!.signal.timeline).toHaveLength(1);
    expect(remedied).toMatchObject({
      closedAt: T0 + 5 * MINUTE,
      closeReason: "remedied",
      deadlines: { escalateAt: null, repeatAt: null, expireAt: null, adaptAt: null },
    });
    expect(remedied.timeline.at(-1)).toMatchObject({
      kind: "remedied",
      from: "open",
      to: "remedied",
      probabilities,
      actor: FILTER,
      reason: "remedied: back at the level before the change (100) and in the normal band for 3m",
    });
    expect(results[4]!.schedule).toEqual([]);
    expect(results[4]!.notify).toEqual([expect.objectContaining({ reason: "closed", page: false, state: "remedied" })]);

    // Every deadline scheduled before the remedy is now a no-op.
    for (const deadline of schedule) {
      const late = accept(remedied, { type: "deadline", deadline }, deadline.at);
      expect(late).toMatchObject({ changed: false, notify: [], schedule: [] });
      expect(late.signal).toBe(remedied);
    }
    const more = applySignalEvent(remedied, back, T0 + HOUR, DEFAULT_POLICY);
    expect(more).toMatchObject({ ok: false, error: { code: "illegal-transition", state: "remedied", event: "observe" } });
  });

  it("does not count points as periods: many points back within one period do not remedy", () => {
    const { signal } = raise();
    const burst = observe(
      signal,
      Array.from({ length: 50 }, () => back),
      T0 + MINUTE,
      1,
    );
    expect(burst.signal).toMatchObject({ state: "open", remedySince: T0 + MINUTE });
  });

  it("starts the clock again after a relapse", () => {
    const { signal } = raise();
    const { signal: after } = observe(signal, [back, back, at(100, "alert"), back, back]);
    expect(after).toMatchObject({ state: "open", remedySince: T0 + 4 * MINUTE });
    expect(after.timeline).toHaveLength(1);
    const slipped = observe(signal, [back, back, at(95), back, back]).signal;
    expect(slipped).toMatchObject({ state: "open", remedySince: T0 + 4 * MINUTE });
  });

  it("does not change the signal for a period that neither moves the clock nor worsens", () => {
    const { signal } = raise();
    const same = accept(signal, at(90, "alert"), T0 + MINUTE);
    expect(same.changed).toBe(false);
    expect(same.signal).toBe(signal);
  });

  it("never remedies a signal without a reference (an external alert's)", () => {
    const { signal } = raise({ reference: null, kind: "alert" });
    const { signal: after } = observe(
      signal,
      Array.from({ length: 10 }, () => back),
    );
    expect(after).toMatchObject({ state: "open", remedySince: null });
    expect(after).toBe(signal);
  });

  it("remedies an acknowledged or escalated signal the same way", () => {
    const { signal, schedule } = raise();
    const acked = accept(signal, { type: "acknowledge", actor: ALICE }, T0 + MINUTE).signal;
    expect(observe(acked, [back, back, back, back], T0 + 2 * MINUTE).signal.state).toBe("remedied");
    const escalate = schedule.find((d) => d.kind === "escalate")!;
    const up = accept(signal, { type: "deadline", deadline: escalate }, escalate.at).signal;
    const closed = observe(up, [back, back, back, back], escalate.at + MINUTE).signal;
    expect(closed).toMatchObject({ state: "remedied", holderLevel: 2 });
    expect(closed.timeline.at(-1)).toMatchObject({ from: "escalated", level: 2 });
  });

  it("records a worse band, and sends a new crisis straight to the root's S5", () => {
    const { signal } = raise({ band: "normal" });
    const alert = accept(signal, at(90, "alert"), T0 + MINUTE);
    expect(alert.signal.band).toBe("alert");
    expect(alert.notify).toEqual([]);
    expect(alert.signal.timeline.at(-1)).toMatchObject({ kind: "band-changed", from: "open", to: "open", reason: "band normal → alert" });

    const crisis = accept(alert.signal, { ...at(60, "crisis"), probabilities }, T0 + 2 * MINUTE);
    expect(crisis.signal).toMatchObject({ band: "crisis", bypassedAt: T0 + 2 * MINUTE });
    expect(crisis.notify).toEqual([
      expect.objectContaining({ route: "bypass", reason: "bypass", target: { level: 0, unitPath: "acme" }, page: true, band: "crisis" }),
    ]);
    expect(crisis.signal.timeline.at(-1)).toMatchObject({ kind: "band-changed", reason: "band alert → crisis", probabilities });

    // A better band later does not undo the crisis: the signal keeps the worst it has seen.
    const better = accept(crisis.signal, at(90, "alert"), T0 + 3 * MINUTE);
    expect(better.signal.band).toBe("crisis");
    expect(better.changed).toBe(false);
  });

  it("does not bypass when the owner's policy turns the bypass off", () => {
    const policy = resolvePolicy([{ escalation: { crisisBypass: false } }]);
    const { signal } = raise({}, T0, policy);
    const crisis = accept(signal, at(60, "crisis"), T0 + MINUTE, policy);
    expect(crisis.signal).toMatchObject({ band: "crisis", bypassedAt: null });
    expect(crisis.notify).toEqual([]);
  });
});
