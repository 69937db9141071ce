/**
 * Vocabulary shared across the domain core. Times are epoch milliseconds and durations are
 * milliseconds: plain numbers keep every function deterministic and its state serialisable.
 */

/** Which way an indicator is good. */
export const DIRECTIONS = ["up", "down"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Algedonic valence: a change in the good direction is pleasure, against it pain. */
export const VALENCES = ["pain", "pleasure"] as const;
export type Valence = (typeof VALENCES)[number];

/** Where the filtered index sits against its capability floor. */
export const BANDS = ["normal", "alert", "crisis"] as const;
export type Band = (typeof BANDS)[number];

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
