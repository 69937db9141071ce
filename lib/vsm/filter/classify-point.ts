import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { SignalEvent } from "@/lib/vsm/filter/filter-output";
import type { SignalMemory } from "@/lib/vsm/filter/schemas";
import { valenceOf } from "@/lib/vsm/filter/valence";
import type { Direction, Regime } from "@/lib/vsm/types";

/** What classification reads from one mixture step (regime order: steady, step, slope, transient). */
export interface ClassificationEvidence {
  current: readonly number[];
  previous: readonly number[];
  levelJump: number;
  slopeChange: number;
  residual: number;
  /** y's distance from the slow reference level (level-shift.ts) in steady predictive sds: how surprising y is if nothing changed. */
  surprise: number;
  /** P(step at the point before the previous one | y up to now) from the held step branch, and its level jump. */
  earlier: number;
  earlierLevelJump: number;
}

const STEADY = 0;
const STEP = 1;
const SLOPE = 2;
const TRANSIENT = 3;
/** A fired kind re-arms once steady is again more probable than not. */
const REARM = 0.5;

/**
 * DESIGN.md §3.2 classification of one point, and the signal events it produces. First the
 * verdict on the previous point: a step is confirmed when the probability of a step at the
 * previous point (q) or the one before (the held branch) passes stepConfirm, a slope when q(slope)
 * passes its threshold (whether or not raised provisionally); a provisional not confirmed is
 * retracted. Then this point by p: transient annotates (a signal on the second in a row); a
 * step above the immediate threshold or a slope above its threshold is confirmed at once; a
 * persistent change more probable than no change, or else a surprising value, is raised
 * provisionally for the next verdict.
 * `memory` is updated in place.
 */
export function classifyPoint(memory: SignalMemory, evidence: ClassificationEvidence, point: number, params: FilterParams): { classification: Regime; events: SignalEvent[] } {
  const { current: p, previous: q } = evidence;
  const { thresholds: t, direction } = params;
  const events: SignalEvent[] = [];
  const previousPoint = point - 1;

  let confirmed: "step" | "slope" | null = null;
  if (memory.previousFiltered) {
    // Pooled verdict: P(step at the previous point or the one before | y up to now). A step whose
    // first point noise shrank splits its evidence between those two points; the two events are
    // disjoint but for a step followed by another step (prior π_step², negligible), so they add.
    // A step already confirmed at the earlier point (the filter may re-arm in between) is not pooled again.
    const earlier = point - 2 > memory.lastStepPoint ? evidence.earlier : 0;
    const pooled = Math.min(1, q[STEP]! + earlier);
    // DESIGN.md's "a transient signals only when two come in a row", applied to the level: two
    // consecutive values beyond surpriseConfirm on the same side of the slow reference are a step
    // at the first of them (under steady noise, about 1e-5 a point at 3 sds).
    const twice = Math.abs(memory.previousSurprise) > t.surpriseConfirm && evidence.surprise * Math.sign(memory.previousSurprise) > t.surpriseConfirm;
    if (memory.stepArmed && (pooled > t.stepConfirm || twice)) {
      // Dated to the point with the larger share; the held branch carries that point's jump for the
      // valence. Two surprises date it to the first, whose surprise gives the valence.
      const late = !twice && earlier > q[STEP]!;
      const valence = valenceOf(direction, late ? evidence.earlierLevelJump : twice ? memory.previousSurprise : memory.previousLevelJump);
      memory.lastStepPoint = late ? point - 2 : previousPoint;
      events.push({ type: "confirmed", kind: "step", point: memory.lastStepPoint, valence, probability: pooled });
      disarm(memory, "step");
      // A provisional step at the previous point is the same change, not a retracted one.
      if (memory.pending === "step") memory.pending = null;
    } else if (memory.slopeArmed && q[SLOPE]! > t.slope) confirmed = "slope";
    if (confirmed) {
      events.push({ type: "confirmed", kind: confirmed, point: previousPoint, valence: valenceOf(direction, memory.previousSlopeChange), probability: q[SLOPE]! });
      disarm(memory, confirmed);
    }
    if (memory.pending && memory.pending !== confirmed) {
      const kind = memory.pending;
      // A state stored before provisionals kept their sign has 0: its raise used the previous point's change.
      const sign = memory.pendingSign !== 0 ? memory.pendingSign : kind === "step" ? memory.previousLevelJump : memory.previousSlopeChange;
      events.push({ type: "retracted", kind, point: previousPoint, valence: valenceOf(direction, sign), probability: q[kind === "step" ? STEP : SLOPE]! });
    }
  }
  memory.pending = null;

  const transientValence = valenceOf(direction, evidence.residual);
  if (p[TRANSIENT]! > t.transient) {
    memory.transientRun += 1;
    events.push({ type: "annotated", kind: "transient", point, valence: transientValence, probability: p[TRANSIENT]! });
    if (memory.transientRun === 2) events.push({ type: "confirmed", kind: "transient", point, valence: transientValence, probability: p[TRANSIENT]! });
  } else {
    memory.transientRun = 0;
  }

  if (memory.stepArmed && p[STEP]! > t.stepImmediate) {
    memory.lastStepPoint = point;
    events.push({ type: "confirmed", kind: "step", point, valence: valenceOf(direction, evidence.levelJump), probability: p[STEP]! });
    disarm(memory, "step");
  } else if (memory.slopeArmed && p[SLOPE]! > t.slope) {
    events.push({ type: "confirmed", kind: "slope", point, valence: valenceOf(direction, evidence.slopeChange), probability: p[SLOPE]! });
    disarm(memory, "slope");
  } else if (p[STEP]! + p[SLOPE]! > p[STEADY]!) {
    const kind = p[STEP]! >= p[SLOPE]! ? "step" : "slope";
    if (kind === "step" ? memory.stepArmed : memory.slopeArmed) {
      const change = kind === "step" ? evidence.levelJump : evidence.slopeChange;
      events.push(raise(memory, kind, point, change, p[kind === "step" ? STEP : SLOPE]!, direction));
    }
  } else if (Math.abs(evidence.surprise) > t.surprise && canRaiseStep(memory, p, params)) {
    // A value far from the slow reference level is flagged at once, as a threshold rule would,
    // but only provisionally: the next point's verdicts confirm or retract it, so it never pages
    // by itself (BENCHMARKS.md, "Early flag").
    events.push(raise(memory, "step", point, evidence.surprise, p[STEP]!, direction));
  }

  if (p[STEADY]! > REARM) {
    memory.stepArmed = true;
    memory.slopeArmed = true;
  }
  // A confirmed change resets the reference the surprise was measured against.
  memory.previousSurprise = events.some((e) => e.type === "confirmed" && e.kind !== "transient") ? 0 : evidence.surprise;
  memory.previousFiltered = true;
  memory.previousLevelJump = evidence.levelJump;
  memory.previousSlopeChange = evidence.slopeChange;
  return { classification: classify(p, params), events };
}

/**
 * Whether a step may still be raised provisionally at this point: nothing is pending, steps are
 * armed, and the point is not a transient, whose annotation already flags it.
 */
export function canRaiseStep(memory: SignalMemory, p: readonly number[], params: FilterParams): boolean {
  return memory.pending === null && memory.stepArmed && !(p[TRANSIENT]! > params.thresholds.transient);
}

/** A provisional for the next point's verdict; its sign is kept so a retraction points the same way. */
export function raise(memory: SignalMemory, kind: "step" | "slope", point: number, sign: number, probability: number, direction: Direction): SignalEvent {
  memory.pending = kind;
  memory.pendingSign = sign;
  return { type: "raised", kind, point, valence: valenceOf(direction, sign), probability };
}

function disarm(memory: SignalMemory, kind: "step" | "slope"): void {
  if (kind === "step") memory.stepArmed = false;
  else memory.slopeArmed = false;
}

/** The point's own label: the first regime (transient, step, slope) whose threshold it meets, else steady. */
export function classify(p: readonly number[], params: FilterParams): Regime {
  const t = params.thresholds;
  if (p[TRANSIENT]! > t.transient) return "transient";
  if (p[STEP]! > t.stepImmediate) return "step";
  return p[SLOPE]! > t.slope ? "slope" : "steady";
}
