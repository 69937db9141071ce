import { z } from "zod";
import { DAY, HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

/**
 * S5 policy (docs/domain.md, "S5 policy"): the one schema for every setting that drives filters,
 * signals, escalation and variety checks, with their defaults. A system's effective policy is
 * the defaults overridden by each ancestor's override from the root down, then its own.
 */

const probability = z.number().min(0).max(1);
const positive = z.number().positive().finite();
const nonNegative = z.number().min(0).finite();
const duration = z.number().int().positive();

/** Multipliers of V for one regime (rε, rγ, rδ) and its prior probability π. */
const regimeSchema = z.object({ re: positive, rg: nonNegative, rd: nonNegative, prior: probability }).strict();

/**
 * The regime table of docs/design.md §3.2, with three values changed by measurement
 * (BENCHMARKS.md, "Regime table"): slope rδ 1 → 0.01, because wild slope estimates leak into the
 * steady component at every collapse and the filter then absorbs steps and ramps; step prior
 * 0.03 → 0.01 and steady 0.90 → 0.92.
 */
export const DEFAULT_REGIMES = {
  steady: { re: 1, rg: 0.01, rd: 0.0001, prior: 0.92 },
  step: { re: 1, rg: 25, rd: 0.0001, prior: 0.01 },
  slope: { re: 1, rg: 0.01, rd: 0.01, prior: 0.03 },
  transient: { re: 50, rg: 0.01, rd: 0.0001, prior: 0.04 },
} as const;

const regimesSchema = z
  .object({
    steady: regimeSchema.default(DEFAULT_REGIMES.steady),
    step: regimeSchema.default(DEFAULT_REGIMES.step),
    slope: regimeSchema.default(DEFAULT_REGIMES.slope),
    transient: regimeSchema.default(DEFAULT_REGIMES.transient),
  })
  .strict()
  .refine((r) => Math.abs(r.steady.prior + r.step.prior + r.slope.prior + r.transient.prior - 1) < 1e-9, {
    message: "regime priors must sum to 1",
  });

/** Each setting is explained, with the measurements behind its default, in docs/domain.md ("Cyberstride filter"). */
const filterSchema = z
  .object({
    regimes: regimesSchema.default(DEFAULT_REGIMES),
    /** Per indicator family (e.g. "latency"), regime settings that replace the defaults. */
    families: z.record(z.string(), regimesSchema).default({}),
    /** Points used to estimate the noise, the sampling interval and the data's resolution before any change is reported. */
    warmup: z.number().int().min(3).default(20),
    /** Long-run weight of each new residual in the noise variance V (its degrees of freedom tend to 1/rate). */
    varianceLearningRate: probability.default(0.02),
    /**
     * Long-run weight of each new deviation in the change tests' scale: slower than V, because a
     * threshold read against an sd known only to ±20% (50 points' worth) misfires both ways.
     */
    scaleLearningRate: probability.default(0.005),
    /** Per typical sampling interval: how fast the change tests' reference level follows the series. */
    referenceLearningRate: probability.default(0.02),
    /** A value this many noise sds from the reference is a surprise: a change is raised provisionally. */
    surprise: positive.default(3),
    /** A surprise is confirmed as a change when the next values repeat it (each at least `sustain` sds out on its side) and the run's mean, in sds of a mean, reaches `pair`. */
    sustain: positive.default(2),
    pair: positive.default(4.5),
    /** Sustained-shift CUSUM of the noise-standardised deviations from the reference: allowance k per point and threshold h. */
    shiftAllowance: nonNegative.default(0.75),
    shiftThreshold: positive.default(8),
    /** A value this many sds from the reference that the next point shows was a transient pages by itself (an extreme spike). */
    spike: positive.default(15),
    /** An episode ends once nothing has surprised the tests for this long; until then further changes update it instead of paging. */
    quiet: duration.default(6 * HOUR),
    /** Learn daily and weekly cycles and use one once it predicts better than none ("auto"), or never ("off"). */
    seasonality: z.enum(["auto", "off"]).default("auto"),
    /** Learn the noise's lag-one autocorrelation and predict with it ("auto"), or treat the noise as independent ("off"). */
    autocorrelation: z.enum(["auto", "off"]).default("auto"),
  })
  .strict();

const bandsSchema = z
  .object({
    /** Capability floor of a ratio index (productivity, latency, performance), e.g. 0.8 of capability. */
    floor: positive.default(0.8),
    /** P(index below floor) at or above which the band is alert, and crisis. */
    alert: probability.default(0.5),
    crisis: probability.default(0.9),
  })
  .strict()
  .refine((b) => b.alert <= b.crisis, { message: "alert threshold must not exceed crisis threshold" });

const escalationSchema = z
  .object({
    /**
     * Autonomy allowance T_n per recursion level n (index 0 = root). Levels deeper than the list
     * use its last entry.
     */
    allowances: z
      .array(duration)
      .min(1)
      .default([4 * HOUR, 2 * HOUR, HOUR, 30 * MINUTE]),
    /** An acknowledgement may extend the current allowance once, by at most this much. */
    maxExtension: duration.default(2 * HOUR),
    /**
     * k: periods of time (the indicator's usual interval between points) the level must stay back
     * at the signal's reference, and in the normal band, before the signal counts as remedied.
     */
    remedyPeriods: z.number().int().min(1).default(3),
    /** How near the reference counts as back, in the reference's predictive standard deviations. */
    remedyTolerance: nonNegative.default(1),
    /** A provisional signal with no next point for this long is retracted as unconfirmed. */
    provisionalTimeout: duration.default(15 * MINUTE),
    /** When set, a signal still running this long after it was raised is closed as adapted (off by default). */
    adaptAfter: duration.nullable().default(null),
    /** A crisis also goes straight to the root's S5. */
    crisisBypass: z.boolean().default(true),
    groupWait: duration.default(30 * SECOND),
    repeatInterval: duration.default(4 * HOUR),
  })
  .strict();

const retentionSchema = z
  .object({ minute: duration.default(7 * DAY), hour: duration.default(90 * DAY), day: duration.default(5 * 365 * DAY) })
  .strict();

export const policySchema = z
  .object({
    filter: filterSchema.default(filterSchema.parse({})),
    bands: bandsSchema.default(bandsSchema.parse({})),
    escalation: escalationSchema.default(escalationSchema.parse({})),
    variety: z
      .object({ tolerance: nonNegative.default(0.5) })
      .strict()
      .default({ tolerance: 0.5 }),
    retention: retentionSchema.default(retentionSchema.parse({})),
    control: z
      .object({ over: positive.default(1.3), under: positive.default(0.7) })
      .strict()
      .refine((c) => c.under < 1 && c.over > 1, { message: "under must be below 1 and over above 1" })
      .default({ over: 1.3, under: 0.7 }),
    audit: z
      .object({ tolerance: nonNegative.default(0.1) })
      .strict()
      .default({ tolerance: 0.1 }),
    /** S3↔S4 homeostat: the share of attention on S4 ("outside and then") S5 aims for, ± the balanced band. */
    homeostat: z
      .object({ target: probability.default(0.5), tolerance: probability.default(0.2) })
      .strict()
      .default({ target: 0.5, tolerance: 0.2 }),
    diagnosis: z
      .object({ silentPeriods: z.number().int().min(1).default(5) })
      .strict()
      .default({ silentPeriods: 5 }),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;
export type RegimeSettings = Policy["filter"]["regimes"];

export const DEFAULT_POLICY: Policy = policySchema.parse({});

/** An override as stored at one system: any subset of the policy, nested objects merged. */
export type PolicyOverride = { [K in keyof Policy]?: Partial<Policy[K]> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

/**
 * The effective policy for a system, from its ancestors' overrides (root first) and its own.
 * Objects merge key by key; arrays and values replace. Throws a ZodError naming the path of any
 * invalid setting, so a bad override is never silently ignored.
 */
export function resolvePolicy(overridesRootFirst: readonly unknown[]): Policy {
  return policySchema.parse(overridesRootFirst.reduce<unknown>((acc, o) => deepMerge(acc, o), DEFAULT_POLICY));
}

/** What is wrong with a chain of overrides (root first), each problem with its setting's path; none when it resolves. */
export function policyIssues(overridesRootFirst: readonly unknown[]): { path: PropertyKey[]; message: string }[] {
  const parsed = policySchema.safeParse(overridesRootFirst.reduce<unknown>((acc, o) => deepMerge(acc, o), DEFAULT_POLICY));
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

/**
 * The policy each level of a signal's ladder works under: one policy for all, or the effective
 * policy of the system at each level (docs/design.md §3.3: an escalation uses the policy of the
 * level that receives it).
 */
export type LadderPolicy = Policy | ((level: number) => Policy);

export function policyAt(policy: LadderPolicy, level: number): Policy {
  return typeof policy === "function" ? policy(level) : policy;
}

/** T_n: the autonomy allowance at recursion level n. */
export function allowanceAt(policy: Policy, level: number): number {
  const { allowances } = policy.escalation;
  return allowances[Math.min(Math.max(level, 0), allowances.length - 1)]!;
}

/** Regime settings for an indicator family, falling back to the policy's defaults. */
export function regimesFor(policy: Policy, family: string | null | undefined): RegimeSettings {
  return (family ? policy.filter.families[family] : undefined) ?? policy.filter.regimes;
}
