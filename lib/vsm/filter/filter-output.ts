import type { Band, Millis, Regime, RegimeProbabilities, Valence } from "@/lib/vsm/types";

/** The kinds of change the filter reports. */
export type ChangeKind = "step" | "slope" | "transient";

/**
 * One change event, for the signal timeline (docs/domain.md, "Changes and episodes").
 *
 * - `raised`: a provisional change; the next point confirms or retracts it.
 * - `confirmed`: a change that starts an episode: the only event that pages.
 * - `continued`: a further change while the episode lasts (a ramp still going, a second step):
 *   it updates the episode and pages nobody.
 * - `retracted`: a provisional change that the next point did not bear out.
 * - `annotated`: a transient (outlier) point; a burst of them is confirmed as a transient change.
 * - `settled`: the episode is over: the series has been quiet for the policy's quiet time.
 * - `reset`: the filter restarted its warm-up because its state could not describe the data any
 *   more (a jump by many orders of magnitude); it says so instead of reporting "steady".
 */
export interface ChangeEvent {
  type: "raised" | "confirmed" | "continued" | "retracted" | "annotated" | "settled" | "reset";
  kind: ChangeKind;
  /** The point (1-based count) and time the change is dated to; earlier than now for a late verdict. */
  point: number;
  time: Millis;
  valence: Valence;
  /** Size of the change in the series' units: the level shift for a step, per typical interval for a slope. */
  magnitude: number;
  /** The change test's statistic when it decided, in predictive standard deviations. */
  score: number;
}

export interface Moments {
  mean: number;
  variance: number;
}

/** What the filter knows of the series' rhythm and noise (for display and the S4 forecast). */
export interface SeriesProfile {
  /** Typical sampling interval the filter has learnt, and the seasonal period in use (0: none). */
  interval: Millis;
  period: Millis;
  /** Lag-one autocorrelation of the noise per typical interval, and the noise variance V. */
  autocorrelation: number;
  variance: number;
}

/** An episode: one change from its first confirmation until the series is quiet again. */
export interface Episode {
  kind: ChangeKind;
  valence: Valence;
  since: Millis;
  /** Confirmed changes in it so far (the first and every `continued`). */
  changes: number;
  /** The level before it began, in the series' units: what "back to normal" means. */
  reference: number;
}

export interface SkippedOutput {
  phase: "skipped";
  time: Millis;
  value: number;
  /** A point not after the last one is stored by the caller but never steps the filter backwards. */
  reason: "out-of-order" | "duplicate-time";
}

/** Warming up: learning the noise and the rhythm; `events` holds only a `reset` that restarted it. */
export interface WarmupOutput {
  phase: "warmup";
  point: number;
  time: Millis;
  value: number;
  events: ChangeEvent[];
}

/** A value beyond any scale the state describes, annotated and held back from the state (update-filter.ts). */
export interface HeldOutput {
  phase: "held";
  point: number;
  time: Millis;
  value: number;
  events: ChangeEvent[];
}

export interface FilteredOutput {
  phase: "filtering";
  point: number;
  time: Millis;
  value: number;
  /** p_t(j) and, for the previous point, q_t(i). */
  probabilities: RegimeProbabilities;
  previous: RegimeProbabilities;
  /** Level and slope (per typical interval) posterior, seasonal part excluded. */
  level: Moments;
  slope: Moments;
  /** The seasonal baseline at this time, already part of `prediction`; 0 when none is in use. */
  seasonal: number;
  /** One-step predictive mixture (mean, variance) before this value was seen, and value − mean. */
  prediction: Moments;
  residual: number;
  /** Probability under the predictive of a value at least this far out (both sides): 1 − tail is an anomaly score in [0, 1]. */
  tail: number;
  /** (value − the reference level's prediction) in noise standard deviations: what the change tests read. */
  surprise: number;
  /** This point's most probable regime. */
  classification: Regime;
  events: ChangeEvent[];
  /** The episode in progress after this point, if any. */
  episode: Episode | null;
  /** P(level on the bad side of the limit), undefined without a limit, and its band. */
  badSide: number | undefined;
  band: Band;
  profile: SeriesProfile;
}

export type FilterOutput = SkippedOutput | WarmupOutput | HeldOutput | FilteredOutput;
