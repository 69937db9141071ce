import { z } from "zod";
import { DAY, HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

/**
 * S5 policy (DESIGN.md §3.6): the one schema for every setting that drives filters, signals,
 * escalation and variety checks, with the defaults of DESIGN.md. A system's effective policy is
 * the defaults overridden by each ancestor's override from the root down, then its own.
 */

const probability = z.number().min(0).max(1);
const positive = z.number().positive().finite();
const nonNegative = z.number().min(0).finite();
const duration = z.number().int().positive();

/** Multipliers of V for one regime (rε, rγ, rδ) and its prior probability π. */
const regimeSchema = z.object({ re: positive, rg: nonNegative, rd: nonNegative, prior: probability }).strict();

/**
 * DESIGN.md §3.2 table, except three values measured in BENCHMARKS.md ("Regime defaults"): slope
 * rδ 1 → 0.01, because its wild slope estimates leak into the steady component at every collapse
 * and the filter then absorbs steps and ramps instead of signalling them; step prior 0.03 → 0.01
 * and steady 0.90 → 0.92, which halves false alarms. DESIGN.md's table: steady 0.90, step 0.03, slope rδ 1.
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

const filterSchema = z
  .object({
    regimes: regimesSchema.default(DEFAULT_REGIMES),
    /** Per indicator family (e.g. "latency"), regime settings that replace the defaults. */
    families: z.record(z.string(), regimesSchema).default({}),
    /** Points used to estimate V before any signal may be raised. */
    warmup: z.number().int().min(3).default(20),
    /**
     * Long-run weight of each new steady-weighted standardised residual in the update of V: its
     * degrees of freedom n are discounted by (1 − rate) and grow by one a point, so V learns at 1/n,
     * fast after the warm-up and at this rate once n reaches 1/rate.
     */
    varianceLearningRate: probability.default(0.02),
    /**
     * Classification thresholds of DESIGN.md §3.2, except stepConfirm 0.6 → 0.95: it now applies to
     * the pooled probability of a step at either of the last two points, which is larger than
     * DESIGN.md's one-step-back q(step), and two surprises in a row (surpriseConfirm) confirm the
     * noisy steps a lower threshold was needed for; at 0.95 the pooled verdict no longer confirms
     * pairs of 2–3σ noise points (BENCHMARKS.md "Two surprises in a row").
     */
    transient: probability.default(0.5),
    stepImmediate: probability.default(0.9),
    stepConfirm: probability.default(0.95),
    slope: probability.default(0.6),
    /**
     * Sustained-shift confirmation (not in DESIGN.md; BENCHMARKS.md "Sustained shift"): a CUSUM of
     * standardised residuals against a slow reference level, with this allowance k per point, confirms a step
     * when it passes the threshold h. It catches the 3–4σ steps and slow ramps the regimes absorb.
     */
    shiftAllowance: nonNegative.default(0.75),
    shiftThreshold: positive.default(8),
    /**
     * Early provisional flags (not in DESIGN.md; BENCHMARKS.md "Early flag"). A step is raised
     * provisionally when y is more than surpriseRaise steady predictive sds from the CUSUM's slow
     * reference level, or when the CUSUM passes shiftWarning on its way to shiftThreshold. Each is
     * confirmed or retracted at the next point by the usual verdicts, so neither pages by itself.
     * 1e9 turns either off.
     */
    surpriseRaise: positive.default(3),
    shiftWarning: positive.default(4.5),
    /**
     * Two surprises in a row (not in DESIGN.md; BENCHMARKS.md "Two surprises in a row"): a step is confirmed
     * when two consecutive values are both more than surpriseConfirm steady predictive sds from the
     * slow reference level on the same side. 1e9 turns it off.
     */
    surpriseConfirm: positive.default(3),
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
    allowances: z.array(duration).min(1).default([4 * HOUR, 2 * HOUR, HOUR, 30 * MINUTE]),
    /** An acknowledgement may extend the current allowance once, by at most this much. */
    maxExtension: duration.default(2 * HOUR),
    /** Periods steady and in the normal band before a signal counts as remedied. */
    remedyPeriods: z.number().int().min(1).default(3),
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
    variety: z.object({ tolerance: nonNegative.default(0.5) }).strict().default({ tolerance: 0.5 }),
    retention: retentionSchema.default(retentionSchema.parse({})),
    control: z
      .object({ over: positive.default(1.3), under: positive.default(0.7) })
      .strict()
      .refine((c) => c.under < 1 && c.over > 1, { message: "under must be below 1 and over above 1" })
      .default({ over: 1.3, under: 0.7 }),
    audit: z.object({ tolerance: nonNegative.default(0.1) }).strict().default({ tolerance: 0.1 }),
    /** S3↔S4 homeostat: the share of attention on S4 ("outside and then") S5 aims for, ± the balanced band. */
    homeostat: z.object({ target: probability.default(0.5), tolerance: probability.default(0.2) }).strict().default({ target: 0.5, tolerance: 0.2 }),
    diagnosis: z.object({ silentPeriods: z.number().int().min(1).default(5) }).strict().default({ silentPeriods: 5 }),
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

/** T_n: the autonomy allowance at recursion level n. */
export function allowanceAt(policy: Policy, level: number): number {
  const { allowances } = policy.escalation;
  return allowances[Math.min(Math.max(level, 0), allowances.length - 1)]!;
}

/** Regime settings for an indicator family, falling back to the policy's defaults. */
export function regimesFor(policy: Policy, family: string | null | undefined): RegimeSettings {
  return (family ? policy.filter.families[family] : undefined) ?? policy.filter.regimes;
}
