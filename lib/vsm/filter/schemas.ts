import { z } from "zod";
import { SHAPE_WINDOW } from "@/lib/vsm/filter/run-shape";
import { TAIL_SIZE } from "@/lib/vsm/filter/tail-factor";

/**
 * The persisted state of one Cyberstride filter (docs/domain.md, "Cyberstride filter"): plain
 * numbers, arrays and records only, so it survives JSON exactly and a restart resumes the filter
 * bit for bit. Regime-indexed arrays follow REGIMES order (steady, step, slope, transient).
 */

const finite = z.number().finite();
const nonNegative = finite.min(0);
const point = z.number().int().min(0);

/**
 * Number arrays come out of the schema as fresh arrays of unboxed doubles. As parsed from JSON and
 * copied by the schema they can hold their numbers boxed, one heap object each, and the filter
 * writes into these arrays at every step: boxed, each write allocated (BENCHMARKS.md, "Ingest
 * through HTTP").
 */
const numbers = (schema: z.ZodType<number[]>) => schema.transform(unboxed);

function unboxed(values: readonly number[]): number[] {
  const copy: number[] = [];
  for (const value of values) copy.push(value);
  return copy;
}

const perRegime = (width: number) => numbers(z.array(finite).length(4 * width));

/** The noise of the series as the mixture sees it (noise.ts). */
const noiseSchema = z
  .object({
    /** Observation variance scale V and its degrees of freedom n (West & Harrison): V learns at rate 1/n. */
    variance: finite.positive(),
    dof: finite.positive(),
    /** The previous point's standardised squared residual, learnt one point late (−1: none waiting). */
    pending: finite.min(-1),
    /** Smallest difference between distinct values seen: the data's resolution (0: none seen yet). */
    resolution: nonNegative,
    /** Lag-one autocorrelation per typical interval of the residuals about the level, from discounted sums. */
    autocorrelation: finite.min(-1).max(1),
    lagProduct: finite,
    lagSquare: nonNegative,
    /** The previous value as given (for the resolution), its input (seasonal part removed) and its residual about the posterior level. */
    previousValue: finite,
    previousInput: finite,
    previousResidual: finite,
  })
  .strict();

/** One seasonal profile: a period split into bins, read and learnt by linear interpolation (seasonal-profile.ts). */
const profileSchema = z
  .object({
    period: finite.positive(),
    /** The slow baseline level this profile learns departures from. */
    baseline: finite,
    values: numbers(z.array(finite)),
    /** Periods' worth of visits so far, capped so each node averages over its last few periods. */
    visits: nonNegative,
    /** Sum of the bins, so the profile is read with mean zero without a pass over it. */
    sum: finite,
    /** Mean absolute deviation of what the profile learns from, to bound any one point's pull. */
    spread: nonNegative,
  })
  .strict();

/** A shadow reference on the series with one candidate seasonal baseline removed, and its mean square deviation (seasonality.ts). */
const shadowSchema = z.object({ level: finite, error: finite.positive() }).strict();

const seasonSchema = z
  .object({
    /** Index into the candidates (0 none, 1 daily, 2 weekly) whose baseline the mixture sees removed. */
    active: z.number().int().min(0).max(2),
    /** Time the seasonal learning began; a profile may be used once it has seen two of its periods. */
    since: finite,
    profiles: z.array(profileSchema.nullable()).length(2),
    shadows: z.array(shadowSchema).length(3),
  })
  .strict();

/** One side of the CUSUM and where its run began. */
const runSchema = z.object({ sum: nonNegative, start: point, startTime: finite }).strict();

/** A provisional change raised at a surprising point, decided at the next point. */
const pendingSchema = z
  .object({
    sign: z.union([z.literal(1), z.literal(-1)]),
    point,
    time: finite,
    surprise: finite,
    deviation: finite,
    /** The deviations of the run so far (the surprise and the values that repeated it), held back from learning until decided. */
    held: numbers(z.array(finite).min(1).max(3)),
    /** The elapsed time (in typical intervals) before each held value, for learning it late as it would have been learnt. */
    elapsed: numbers(z.array(nonNegative).min(1).max(3)),
    /** Whether it was reported as `raised` (not while an episode is under way), so its verdict is reported too. */
    announced: z.boolean(),
  })
  .strict();

/** The change tests (change-test.ts): a slow reference level and the statistics read against it. */
const testSchema = z
  .object({
    /** Reference level (seasonal part removed), its evidence in points (0: restart from the next value). */
    reference: finite,
    weight: nonNegative,
    /** Variance of the reference about the level: small once it has learnt, larger after a gap. */
    uncertainty: nonNegative,
    /** Variance of the whitened deviations from the reference, its degrees of freedom, and their lag-one autocorrelation. */
    scale: finite.positive(),
    dof: finite.positive(),
    /** Fading histogram of the standardised deviations beyond the surprise threshold (tail-factor.ts). */
    tail: numbers(z.array(nonNegative).length(TAIL_SIZE)),
    autocorrelation: finite.min(0).max(1),
    lagProduct: finite,
    lagSquare: nonNegative,
    previousDeviation: finite,
    up: runSchema,
    down: runSchema,
    /** The last deviations since the restart and their times, for the shape of a change (run-shape.ts). */
    deviations: numbers(z.array(finite).max(SHAPE_WINDOW)),
    times: numbers(z.array(finite).max(SHAPE_WINDOW)),
    pending: pendingSchema.nullable(),
  })
  .strict();

const episodeSchema = z
  .object({
    kind: z.enum(["step", "slope", "transient"]),
    sign: z.union([z.literal(1), z.literal(-1)]),
    /** Direction of its latest change, and when that was confirmed (a quick repeat the same way makes it a ramp). */
    lastSign: z.union([z.literal(1), z.literal(-1)]),
    lastConfirmed: finite,
    since: finite,
    point,
    changes: z.number().int().min(1),
    /** The level before it began, in the series' units. */
    reference: finite,
    /** When its last change was confirmed; it settles `quiet` after that. */
    lastChange: finite,
  })
  .strict();

export const filterStateSchema = z
  .object({
    version: z.literal(2),
    /** Points stepped so far (warm-up included; skipped points are not counted). */
    count: point,
    /** Time of the last stepped point (null before the first) and the typical interval (0 until known). */
    lastTime: finite.nullable(),
    interval: nonNegative,
    /** Times and values held until the warm-up is complete; empty once the filter runs. */
    warmup: z.object({ times: numbers(z.array(finite)), values: numbers(z.array(finite)) }).strict(),
    ready: z.boolean(),
    noise: noiseSchema,
    /** p(i), (level μ, slope β) and (C11, C12, C22) per regime; the slope is per typical interval. */
    weights: perRegime(1),
    means: perRegime(2),
    covariances: perRegime(3),
    season: seasonSchema,
    test: testSchema,
    episode: episodeSchema.nullable(),
    /** Levels held recently with arrivals at each, and the level before the last episode (known-levels.ts); seasonal part removed. */
    levels: z.array(z.object({ level: finite, time: finite, visits: z.number().int().min(0) }).strict()).max(4),
    normal: z.object({ level: finite, time: finite }).strict().nullable(),
    /** Confirmed level changes: rate per typical interval, mean square size of steps and of slopes (change-history.ts). */
    history: z.object({ rate: nonNegative, step: nonNegative, slope: nonNegative }).strict(),
    /** A value beyond any scale the state describes, held back (extremes.ts); the next one agreeing with it resets the filter. */
    extreme: z.object({ time: finite, value: finite }).strict().nullable(),
  })
  .strict();

export type FilterState = z.infer<typeof filterStateSchema>;
export type NoiseState = FilterState["noise"];
export type SeasonState = FilterState["season"];
export type SeasonalProfile = NonNullable<SeasonState["profiles"][number]>;
export type Shadow = SeasonState["shadows"][number];
export type TestState = FilterState["test"];
export type CusumRun = TestState["up"];
export type PendingChange = NonNullable<TestState["pending"]>;
export type EpisodeState = NonNullable<FilterState["episode"]>;

/**
 * Validates a stored state (e.g. a JSON column) before the filter resumes from it. A state from
 * an earlier version of the filter does not parse: the caller starts the indicator afresh.
 */
export function parseFilterState(value: unknown): FilterState {
  return filterStateSchema.parse(value);
}
