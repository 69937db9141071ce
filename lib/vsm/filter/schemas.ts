import { z } from "zod";
import { BRANCH_SIZE } from "@/lib/vsm/filter/step-branch";

/**
 * The persisted state of one Cyberstride filter (DESIGN.md §3.2): plain numbers and arrays only,
 * so it survives JSON exactly and a restart resumes the filter bit for bit. Regime-indexed arrays
 * follow REGIMES order (steady, step, slope, transient).
 */

const finite = z.number().finite();
const perRegime = (width: number) => z.array(finite).length(4 * width);

const signalMemorySchema = z
  .object({
    /** A step or slope raised provisionally at the previous point, awaiting its one-step-back verdict. */
    pending: z.enum(["step", "slope"]).nullable(),
    /** The sign of the change it was raised for, so its retraction points the same way (states stored before it: 0). */
    pendingSign: finite.default(0),
    /** Whether the previous point was filtered (not warm-up), so a one-step-back verdict on it may signal. */
    previousFiltered: z.boolean(),
    /** Consecutive points classified transient, ending at the previous point. */
    transientRun: z.number().int().min(0),
    /** A kind that has fired stays quiet until the filter is steady again, so one change gives one signal. */
    stepArmed: z.boolean(),
    slopeArmed: z.boolean(),
    /** Signed level jump and slope change estimated at the previous point, for a late verdict's valence. */
    previousLevelJump: finite,
    previousSlopeChange: finite,
    /** The point the last confirmed step was dated to (0: none), so a later pooled verdict does not confirm it again. */
    lastStepPoint: z.number().int().min(0),
    /** The previous point's surprise (classify-point.ts), 0 once the reference it was measured against is reset; states stored before it: 0. */
    previousSurprise: finite.default(0),
  })
  .strict();

const levelShiftSchema = z
  .object({
    /** Slow reference level, and the points it is worth (0: restart from the filter's level). */
    reference: finite,
    count: z.number().min(0).finite(),
    /** One-sided CUSUMs of standardised residuals against the reference, and the point each run began. */
    up: z.number().min(0).finite(),
    down: z.number().min(0).finite(),
    upStart: z.number().int().min(0),
    downStart: z.number().int().min(0),
  })
  .strict();

export const filterStateSchema = z
  .object({
    version: z.literal(1),
    /** Points seen so far. */
    count: z.number().int().min(0),
    /** Values held until the warm-up window is full; empty once the filter runs. */
    window: z.array(finite),
    ready: z.boolean(),
    /** Observation variance scale V and the floor it may not learn its way below. */
    variance: z.number().min(0).finite(),
    varianceFloor: z.number().min(0).finite(),
    /** Degrees of freedom n of V: its effective sample size, which sets the Student t likelihood and V's learning rate 1/n. */
    varianceDof: z.number().min(0).finite(),
    /** p(i) per regime. */
    weights: perRegime(1),
    /** (level μ, slope β) per regime. */
    means: perRegime(2),
    /** (C11, C12, C22) per regime. */
    covariances: perRegime(3),
    /** The step-at-the-previous-point hypothesis and its complement, held one point longer (layout in step-branch.ts). */
    branch: z.array(finite).length(BRANCH_SIZE),
    signals: signalMemorySchema,
    /** Sustained-shift detector (level-shift.ts); states stored before it existed start it afresh. */
    shift: levelShiftSchema.default({ reference: 0, count: 0, up: 0, down: 0, upStart: 0, downStart: 0 }),
  })
  .strict();

export type FilterState = z.infer<typeof filterStateSchema>;
export type SignalMemory = FilterState["signals"];
export type LevelShift = FilterState["shift"];

/** Validates a stored state (e.g. a JSON column) before the filter resumes from it. */
export function parseFilterState(value: unknown): FilterState {
  return filterStateSchema.parse(value);
}
