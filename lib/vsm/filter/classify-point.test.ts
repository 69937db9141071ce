import { describe, expect, it } from "vitest";
import { classify, classifyPoint, type ClassificationEvidence } from "@/lib/vsm/filter/classify-point";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import type { SignalMemory } from "@/lib/vsm/filter/schemas";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";

const up = filterParams(DEFAULT_POLICY, { direction: "up" });
const down = filterParams(DEFAULT_POLICY, { direction: "down" });
const STEADY = [0.96, 0.01, 0.02, 0.01];

function evidence(current: number[], previous: number[] = STEADY, change: Partial<ClassificationEvidence> = {}): ClassificationEvidence {
  return { current, previous, levelJump: 1, slopeChange: 0.1, residual: 1, surprise: 1, earlier: 0, earlierLevelJump: 0, ...change };
}

/** Memory of a filter that has already filtered a point. */
function running(): SignalMemory {
  return { ...createFilterState().signals, previousFiltered: true };
}

describe("classifyPoint", () => {
  it("raises a provisional step and confirms it from the next point's one-step-back probability", () => {
    const memory = running();
    const first = classifyPoint(memory, evidence([0.1, 0.45, 0.02, 0.43], STEADY, { levelJump: 4.8 }), 200, up);
    expect(first.events).toEqual([
      { type: "raised", kind: "step", point: 200, valence: "pleasure", probability: 0.45 },
    ]);
    expect(first.classification).toBe("steady");
    expect(memory.pending).toBe("step");
    const second = classifyPoint(memory, evidence(STEADY, [0.01, 0.97, 0.01, 0.01], { levelJump: 0.1 }), 201, up);
    expect(second.events).toEqual([{ type: "confirmed", kind: "step", point: 200, valence: "pleasure", probability: 0.97 }]);
    // Confirmed, then re-armed because the filter is steady again.
    expect(memory).toMatchObject({ pending: null, stepArmed: true });
  });

  it("retracts a provisional the next point does not bear out", () => {
    const memory = running();
    classifyPoint(memory, evidence([0.2, 0.35, 0.05, 0.4], STEADY, { levelJump: -5 }), 50, down);
    const { events } = classifyPoint(memory, evidence(STEADY, [0.05, 0.3, 0.05, 0.6]), 51, down);
    expect(events).toEqual([{ type: "retracted", kind: "step", point: 50, valence: "pleasure", probability: 0.3 }]);
  });

  it("confirms a step at once above the immediate threshold and does not signal it twice", () => {
    const memory = running();
    const first = classifyPoint(memory, evidence([0.02, 0.95, 0.01, 0.02], STEADY, { levelJump: -3 }), 10, up);
    expect(first.events).toEqual([{ type: "confirmed", kind: "step", point: 10, valence: "pain", probability: 0.95 }]);
    expect(first.classification).toBe("step");
    expect(memory.stepArmed).toBe(false);
    // The next point's verdict on point 10 would confirm it again; the fired kind stays quiet.
    const second = classifyPoint(memory, evidence([0.3, 0.4, 0.1, 0.2], [0.01, 0.97, 0.01, 0.01]), 11, up);
    expect(second.events).toEqual([]);
    expect(memory).toMatchObject({ stepArmed: false, pending: null });
    classifyPoint(memory, evidence(STEADY), 12, up);
    expect(memory.stepArmed).toBe(true);
  });

  it("confirms a slope at once, or provisionally and then by one-step-back probability", () => {
    const memory = running();
    const immediate = classifyPoint(memory, evidence([0.2, 0.05, 0.7, 0.05], STEADY, { slopeChange: 0.4 }), 30, down);
    expect(immediate.events).toEqual([{ type: "confirmed", kind: "slope", point: 30, valence: "pain", probability: 0.7 }]);
    expect(immediate.classification).toBe("slope");
    classifyPoint(memory, evidence(STEADY), 31, down);
    const raised = classifyPoint(memory, evidence([0.3, 0.1, 0.35, 0.25], STEADY, { slopeChange: -0.2 }), 40, down);
    expect(raised.events).toEqual([{ type: "raised", kind: "slope", point: 40, valence: "pleasure", probability: 0.35 }]);
    const confirmed = classifyPoint(memory, evidence(STEADY, [0.2, 0.05, 0.7, 0.05]), 41, down);
    expect(confirmed.events).toEqual([{ type: "confirmed", kind: "slope", point: 40, valence: "pleasure", probability: 0.7 }]);
  });

  it("retracts a provisional step that turns out to have been a slope, and confirms the slope", () => {
    const memory = running();
    classifyPoint(memory, evidence([0.2, 0.4, 0.3, 0.1], STEADY, { levelJump: 2, slopeChange: 0.5 }), 7, up);
    const { events } = classifyPoint(memory, evidence(STEADY, [0.1, 0.2, 0.65, 0.05]), 8, up);
    expect(events).toEqual([
      { type: "confirmed", kind: "slope", point: 7, valence: "pleasure", probability: 0.65 },
      { type: "retracted", kind: "step", point: 7, valence: "pleasure", probability: 0.2 },
    ]);
  });

  it("confirms a step seen only in hindsight, without a provisional", () => {
    const memory = running();
    classifyPoint(memory, evidence([0.6, 0.2, 0.05, 0.15], STEADY, { levelJump: 3 }), 99, up);
    const { events } = classifyPoint(memory, evidence(STEADY, [0.01, 0.97, 0.01, 0.01]), 100, up);
    expect(events).toEqual([{ type: "confirmed", kind: "step", point: 99, valence: "pleasure", probability: 0.97 }]);
  });

  it("pools a step's evidence over the last two points and dates it to the likelier one", () => {
    const memory = running();
    classifyPoint(memory, evidence([0.8, 0.1, 0.05, 0.05], STEADY, { levelJump: -4 }), 200, up);
    classifyPoint(memory, evidence([0.85, 0.05, 0.05, 0.05], [0.6, 0.3, 0.05, 0.05], { levelJump: -3 }), 201, up);
    // Neither point alone passes 0.95: q = 0.55 for a step at 201, 0.42 for one at 200.
    const split = classifyPoint(memory, evidence(STEADY, [0.4, 0.55, 0.02, 0.03], { earlier: 0.42, earlierLevelJump: -4 }), 202, up);
    expect(split.events).toEqual([{ type: "confirmed", kind: "step", point: 201, valence: "pain", probability: 0.97 }]);
    classifyPoint(memory, evidence(STEADY), 203, up);
    // The held branch alone, with the previous point's provisional subsumed by the earlier step.
    classifyPoint(memory, evidence([0.3, 0.5, 0.1, 0.1], STEADY, { levelJump: 2 }), 210, up);
    const late = classifyPoint(memory, evidence(STEADY, [0.95, 0, 0.03, 0.02], { earlier: 0.97, earlierLevelJump: 5 }), 211, up);
    expect(late.events).toEqual([{ type: "confirmed", kind: "step", point: 209, valence: "pleasure", probability: 0.97 }]);
    expect(memory.pending).toBeNull();
    // Confirmed one point after (dated 230) and re-armed by the same steady point, the filter does
    // not confirm that step again when the next point looks two points back on it.
    const once = classifyPoint(memory, evidence(STEADY, [0.01, 0.97, 0.01, 0.01]), 231, up);
    expect(once.events.map((e) => `${e.type}/${e.point}`)).toEqual(["confirmed/230"]);
    expect(memory.stepArmed).toBe(true);
    expect(classifyPoint(memory, evidence(STEADY, STEADY, { earlier: 0.97 }), 232, up).events).toEqual([]);
    // Nor a step it confirmed at once (p > 0.9) when the point after next looks back on it.
    classifyPoint(memory, evidence([0.02, 0.95, 0.01, 0.02]), 220, up);
    classifyPoint(memory, evidence(STEADY), 221, up);
    expect(classifyPoint(memory, evidence(STEADY, STEADY, { earlier: 0.97 }), 222, up).events).toEqual([]);
  });

  it("confirms a step on two surprises in a row on the same side, dated to the first", () => {
    const memory = running();
    // A surprise then a smaller one the other way, then one alone: nothing confirmed.
    classifyPoint(memory, evidence(STEADY, STEADY, { surprise: 3.5 }), 300, up);
    expect(classifyPoint(memory, evidence(STEADY, STEADY, { surprise: -3.5 }), 301, up).events.filter((e) => e.type === "confirmed")).toEqual([]);
    expect(classifyPoint(memory, evidence(STEADY, STEADY, { surprise: 2 }), 302, up).events.filter((e) => e.type === "confirmed")).toEqual([]);
    // Two below the reference: a step at the first, the bad way for an up-good indicator.
    classifyPoint(memory, evidence(STEADY, STEADY, { surprise: -3.2 }), 310, up);
    const two = classifyPoint(memory, evidence(STEADY, STEADY, { surprise: -4 }), 311, up);
    expect(two.events.filter((e) => e.type === "confirmed")).toEqual([{ type: "confirmed", kind: "step", point: 310, valence: "pain", probability: 0.01 }]);
    // The confirmation reset the reference, so the second surprise does not start another pair.
    expect(memory.previousSurprise).toBe(0);
    expect(classifyPoint(memory, evidence(STEADY, STEADY, { surprise: -4 }), 312, up).events.filter((e) => e.type === "confirmed")).toEqual([]);
  });

  it("annotates transients and signals only on the second in a row", () => {
    const memory = running();
    const transient = [0.3, 0.05, 0.05, 0.6];
    const first = classifyPoint(memory, evidence(transient, STEADY, { residual: -9 }), 5, up);
    expect(first.classification).toBe("transient");
    expect(first.events).toEqual([{ type: "annotated", kind: "transient", point: 5, valence: "pain", probability: 0.6 }]);
    const second = classifyPoint(memory, evidence(transient, STEADY, { residual: -8 }), 6, up);
    expect(second.events.map((e) => `${e.type}/${e.kind}/${e.point}`)).toEqual(["annotated/transient/6", "confirmed/transient/6"]);
    const third = classifyPoint(memory, evidence(transient, STEADY, { residual: -8 }), 7, up);
    expect(third.events.map((e) => e.type)).toEqual(["annotated"]);
    classifyPoint(memory, evidence(STEADY), 8, up);
    expect(memory.transientRun).toBe(0);
    const again = classifyPoint(memory, evidence(transient), 9, up);
    expect(again.events.map((e) => e.type)).toEqual(["annotated"]);
  });

  it("raises a surprising value as a provisional step its way, and retracts it the same way", () => {
    const memory = running();
    // Steady by p, but 3.4 sds below the reference: flagged at once; a level jump of the other sign does not turn it.
    const raised = classifyPoint(memory, evidence(STEADY, STEADY, { surprise: -3.4, levelJump: 0.2 }), 300, up);
    expect(raised.events).toEqual([{ type: "raised", kind: "step", point: 300, valence: "pain", probability: 0.01 }]);
    expect(memory).toMatchObject({ pending: "step", pendingSign: -3.4 });
    const retracted = classifyPoint(memory, evidence(STEADY, STEADY, { levelJump: 0.5 }), 301, up);
    expect(retracted.events).toEqual([{ type: "retracted", kind: "step", point: 300, valence: "pain", probability: 0.01 }]);
    // Not at or below the threshold, not on a transient (its annotation flags it), not while steps are disarmed.
    expect(classifyPoint(memory, evidence(STEADY, STEADY, { surprise: 3 }), 302, up).events).toEqual([]);
    expect(classifyPoint(memory, evidence([0.3, 0.05, 0.05, 0.6], STEADY, { surprise: 9 }), 303, up).events.map((e) => e.type)).toEqual(["annotated"]);
    classifyPoint(memory, evidence(STEADY), 304, up);
    classifyPoint(memory, evidence([0.02, 0.95, 0.01, 0.02]), 305, up);
    expect(classifyPoint(memory, evidence([0.4, 0.3, 0.1, 0.2], STEADY, { surprise: 5 }), 306, up).events).toEqual([]);
  });

  it("retracts a provisional from a state stored before provisionals kept their sign by the previous point's change", () => {
    const step = { ...running(), pending: "step" as const, pendingSign: 0, previousLevelJump: -2 };
    expect(classifyPoint(step, evidence(STEADY), 40, up).events).toEqual([{ type: "retracted", kind: "step", point: 39, valence: "pain", probability: 0.01 }]);
    const slope = { ...running(), pending: "slope" as const, pendingSign: 0, previousSlopeChange: 0.3 };
    expect(classifyPoint(slope, evidence(STEADY), 40, up).events).toEqual([{ type: "retracted", kind: "slope", point: 39, valence: "pleasure", probability: 0.02 }]);
  });

  it("gives no verdict on the last warm-up point", () => {
    const memory = createFilterState().signals;
    const { events } = classifyPoint(memory, evidence(STEADY, [0.01, 0.97, 0.01, 0.01]), 21, up);
    expect(events).toEqual([]);
    expect(memory.previousFiltered).toBe(true);
  });

  it("does not raise a kind that has fired until the filter is steady again", () => {
    const memory = running();
    classifyPoint(memory, evidence([0.02, 0.95, 0.01, 0.02]), 10, up);
    const { events } = classifyPoint(memory, evidence([0.3, 0.5, 0.1, 0.1]), 11, up);
    expect(events).toEqual([]);
    expect(memory.pending).toBeNull();
  });
});

describe("classify", () => {
  it("labels a point by the first threshold it meets: transient, step, slope, else steady", () => {
    expect(classify([0.4, 0.0, 0.0, 0.6], up)).toBe("transient");
    expect(classify([0.05, 0.92, 0.01, 0.02], up)).toBe("step");
    expect(classify([0.3, 0.05, 0.61, 0.04], up)).toBe("slope");
    expect(classify([0.5, 0.3, 0.1, 0.1], up)).toBe("steady");
    // With thresholds below one half two can hold; transient takes precedence.
    const loose = filterParams(resolvePolicy([{ filter: { transient: 0.3, stepImmediate: 0.3 } }]), { direction: "up" });
    expect(classify([0.2, 0.4, 0.0, 0.4], loose)).toBe("transient");
  });
});
