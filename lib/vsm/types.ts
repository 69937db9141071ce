/**
 * Vocabulary shared across the domain core. Times are epoch milliseconds and durations are
 * milliseconds: plain numbers keep every function deterministic and its state serialisable.
 */

/** Which way an indicator is good. */
export type Direction = "up" | "down";

/** Algedonic valence: a change in the good direction is pleasure, against it pain. */
export type Valence = "pain" | "pleasure";

/** Where the filtered index sits against its capability floor. */
export type Band = "normal" | "alert" | "crisis";

/** The four Harrison–Stevens regimes. */
export const REGIMES = ["steady", "step", "slope", "transient"] as const;
export type Regime = (typeof REGIMES)[number];

/** A probability per regime: the filter's p_t(j) and q_t(i), and a signal timeline's record of them. */
export type RegimeProbabilities = Record<Regime, number>;

/** Epoch milliseconds. */
export type Millis = number;

export const SECOND: Millis = 1_000;
export const MINUTE: Millis = 60 * SECOND;
export const HOUR: Millis = 60 * MINUTE;
export const DAY: Millis = 24 * HOUR;
