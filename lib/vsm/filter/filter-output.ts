import type { Band, Regime, Valence } from "@/lib/vsm/types";

/** The kinds of change the filter reports. */
export type ChangeKind = "step" | "slope" | "transient";

/**
 * One entry for the signal timeline. `raised` is provisional: the next point's one-step-back
 * probabilities turn it into `confirmed` or `retracted`. `annotated` marks a transient point,
 * which becomes a `confirmed` transient only on a second transient in a row.
 */
export interface SignalEvent {
  type: "raised" | "confirmed" | "retracted" | "annotated";
  kind: ChangeKind;
  /** The point (1-based count) the change is dated to: the previous one for a one-step-back verdict. */
  point: number;
  valence: Valence;
  /**
   * The probability that decided it (p_t, or q_t for a verdict on the previous point). A step
   * confirmed by the sustained-shift CUSUM is decided by no probability; it carries p_t(step) at
   * the confirming point, for the timeline.
   */
  probability: number;
}

export type RegimeProbabilities = Record<Regime, number>;

export interface Moments {
  mean: number;
  variance: number;
}

export interface WarmupOutput {
  phase: "warmup";
  point: number;
  value: number;
}

export interface FilteredOutput {
  phase: "filtering";
  point: number;
  value: number;
  /** p_t(j) and, for the previous point, q_t(i). */
  probabilities: RegimeProbabilities;
  previous: RegimeProbabilities;
  /** P(step at the point before the previous one), from the step hypothesis held one point longer. */
  earlierStep: number;
  level: Moments;
  slope: Moments;
  /** One-step predictive mixture (f, Q) before this value was seen, and value − f. */
  prediction: Moments;
  residual: number;
  /** This point's regime by the policy thresholds; steady when none is met. */
  classification: Regime;
  events: SignalEvent[];
  /** P(level on the bad side of the limit), undefined without a limit, and its band. */
  badSide: number | undefined;
  band: Band;
}

export type FilterOutput = WarmupOutput | FilteredOutput;
