import { z } from "zod";
import { MAX_PATH_LENGTH, PATH_PATTERN } from "@/lib/vsm/model/path";
import { BANDS, VALENCES, type RegimeProbabilities } from "@/lib/vsm/types";

/**
 * Every algedonic schema, defined once (docs/design.md §3.3): the pipeline and the store parse signals
 * and deadlines back from JSON with them, and route handlers and server actions validate operator
 * events and silences with them. The types below are inferred, never written twice.
 */

export const SIGNAL_STATES = ["provisional", "open", "acknowledged", "escalated", "remedied", "resolved", "retracted"] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

const millis = z.number().int();
const text = z.string().trim().min(1).max(2000);
const valence = z.enum(VALENCES);
const band = z.enum(BANDS);
const probability = z.number().min(0).max(1);

/** Slash-separated slugs, as in the model file: the root has one segment, level n has n + 1. */
export const unitPathSchema = z
  .string()
  .max(MAX_PATH_LENGTH)
  .regex(PATH_PATTERN, { message: "expected a unit path such as acme/ops/payments" });

/** Who or what caused a transition: a user, or a part of the system (filter, clock, rules). */
export const actorSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), id: z.string().min(1).max(200) }).strict(),
  z.object({ type: z.literal("system"), component: z.string().min(1).max(64) }).strict(),
]);
export type Actor = z.infer<typeof actorSchema>;

/** The filter's regime probabilities at the moment of a transition, kept for the audit trail. */
export const probabilitiesSchema = z
  .object({ steady: probability, step: probability, slope: probability, transient: probability })
  .strict() satisfies z.ZodType<RegimeProbabilities>;

export const TIMELINE_KINDS = [
  "raised",
  "confirmed",
  "retracted",
  "recurred",
  "acknowledged",
  "extended",
  "escalated",
  "overdue",
  "band-changed",
  "remedied",
  "resolved",
  "adapted",
  "noted",
] as const;

/**
 * Why a signal closed: remedied by the data; resolved by an operator as fixed, as the new normal
 * or as a false alarm; its external alert resolved; closed after the policy's adaptation period;
 * or a provisional change that was retracted by the filter or never confirmed in time.
 */
export const CLOSE_REASONS = [
  "remedied",
  "fixed",
  "accepted-new-normal",
  "false-alarm",
  "alert-resolved",
  "adapted",
  "retracted",
  "unconfirmed",
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The ways an operator (or an alert's sender) may resolve a signal: a subset of CLOSE_REASONS. */
export const RESOLUTIONS = ["fixed", "accepted-new-normal", "false-alarm", "alert-resolved"] as const;

export const timelineEntrySchema = z
  .object({
    seq: z.number().int().min(0),
    at: millis,
    actor: actorSchema,
    kind: z.enum(TIMELINE_KINDS),
    from: z.enum(SIGNAL_STATES).nullable(),
    to: z.enum(SIGNAL_STATES),
    /** The holder level after the transition. */
    level: z.number().int().min(0),
    reason: z.string(),
    probabilities: probabilitiesSchema.optional(),
  })
  .strict();
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

const ackSchema = z
  .object({
    by: actorSchema,
    at: millis,
    /** When the acknowledger expects the remedy; informs, and may extend the allowance once. */
    eta: millis.nullable(),
    /** The escalation time before and after this level's single extension, once used. */
    extension: z.object({ from: millis, to: millis }).strict().nullable(),
  })
  .strict();
export type Acknowledgement = z.infer<typeof ackSchema>;

/**
 * The indicator's level before the change, captured when the signal was raised (docs/design.md
 * §3.3): remedy means being back there, not the filter settling on a new level.
 */
export const referenceSchema = z
  .object({
    /** The filter's level just before the change. */
    level: z.number().finite(),
    /** Its one-step predictive standard deviation then: the scale of the remedy tolerance. */
    sd: z.number().finite().min(0),
    /** The way the change moved the level: +1 up, −1 down. Back means no further that way than the tolerance. */
    direction: z.union([z.literal(1), z.literal(-1)]),
    /** The indicator's usual time between points (ms): remedy needs k of these periods of time, not k points. */
    period: millis.positive(),
  })
  .strict();
export type Reference = z.infer<typeof referenceSchema>;

export const signalSchema = z
  .object({
    id: z.string().min(1).max(200),
    unitPath: unitPathSchema,
    /** Recursion level n of the owner unit (root = 0). */
    level: z.number().int().min(0),
    indicator: z.string().min(1).max(200),
    /** The indicator's family (docs/design.md §3.3): the default inhibition compares it. */
    family: z.string().min(1).max(200).nullable(),
    kind: z.string().min(1).max(64),
    valence,
    /** The worst band seen: a signal that reached crisis stays a crisis signal. */
    band,
    state: z.enum(SIGNAL_STATES),
    /** The level that currently holds the signal on the escalation ladder; only ever decreases. */
    holderLevel: z.number().int().min(0),
    raisedAt: millis,
    /** Null for a signal from an external alert, which closes when the alert resolves. */
    reference: referenceSchema.nullable(),
    /** Confirmed changes this signal stands for: a further change of the same valence adds one, not a signal. */
    changes: z.number().int().min(1),
    lastChangeAt: millis,
    deadlines: z
      .object({
        escalateAt: millis.nullable(),
        repeatAt: millis.nullable(),
        /** A provisional signal's: unconfirmed by then, it is retracted (or, in crisis, confirmed). */
        expireAt: millis.nullable(),
        /** When the policy's adaptation period, if any, closes a running signal as adapted. */
        adaptAt: millis.nullable(),
      })
      .strict(),
    /** The current holder's acknowledgement; a fresh holder starts unacknowledged. */
    ack: ackSchema.nullable(),
    /** When the crisis bypass notified the root's S5 directly. */
    bypassedAt: millis.nullable(),
    /** Since when the level has been back at the reference and in the normal band, without a break. */
    remedySince: millis.nullable(),
    closedAt: millis.nullable(),
    closeReason: z.enum(CLOSE_REASONS).nullable(),
    /** Raised by one on every change, so a store can write a change only over the version it was computed from. */
    version: z.number().int().min(0),
    timeline: z.array(timelineEntrySchema),
  })
  .strict();
export type Signal = z.infer<typeof signalSchema>;

export const raiseInputSchema = z
  .object({
    id: signalSchema.shape.id,
    unitPath: unitPathSchema,
    indicator: signalSchema.shape.indicator,
    family: signalSchema.shape.family.default(null),
    kind: signalSchema.shape.kind,
    valence,
    band,
    reference: referenceSchema.nullable().default(null),
    /** A step or slope awaiting the filter's confirmation one period later (docs/design.md §3.2). */
    provisional: z.boolean().default(false),
    actor: actorSchema,
    reason: text,
    probabilities: probabilitiesSchema.optional(),
  })
  .strict();
export type RaiseInput = z.input<typeof raiseInputSchema>;

export const SIGNAL_DEADLINE_KINDS = ["escalate", "repeat", "expire", "adapt"] as const;

export const signalDeadlineSchema = z
  .object({
    kind: z.enum(SIGNAL_DEADLINE_KINDS),
    signalId: signalSchema.shape.id,
    at: millis,
    /** The holder level it was scheduled for, so a deadline from an earlier rung never acts. */
    level: z.number().int().min(0),
  })
  .strict();
export type SignalDeadline = z.infer<typeof signalDeadlineSchema>;

export const signalEventSchema = z.discriminatedUnion("type", [
  z
    .object({ type: z.literal("confirm"), actor: actorSchema, reason: text.optional(), probabilities: probabilitiesSchema.optional() })
    .strict(),
  z
    .object({ type: z.literal("retract"), actor: actorSchema, reason: text.optional(), probabilities: probabilitiesSchema.optional() })
    .strict(),
  z.object({ type: z.literal("acknowledge"), actor: actorSchema, eta: millis.optional(), note: text.optional() }).strict(),
  z.object({ type: z.literal("extend"), actor: actorSchema, eta: millis, reason: text.optional() }).strict(),
  z
    .object({
      type: z.literal("observe"),
      actor: actorSchema,
      /** The filter's level after this period's point. */
      level: z.number().finite(),
      band,
      probabilities: probabilitiesSchema.optional(),
    })
    .strict(),
  /** A further confirmed change of the signal's indicator and valence. */
  z
    .object({
      type: z.literal("recur"),
      actor: actorSchema,
      kind: signalSchema.shape.kind,
      band,
      reason: text.optional(),
      probabilities: probabilitiesSchema.optional(),
    })
    .strict(),
  // The domain re-checks the reason, so an unparsed caller gets a typed error rather than a throw.
  z.object({ type: z.literal("resolve"), actor: actorSchema, reason: text, resolution: z.enum(RESOLUTIONS).default("fixed") }).strict(),
  z.object({ type: z.literal("note"), actor: actorSchema, text }).strict(),
  z.object({ type: z.literal("deadline"), deadline: signalDeadlineSchema }).strict(),
]);
/** As a caller writes one: optional fields with defaults (a resolve's resolution) may be left out. */
export type SignalEvent = z.input<typeof signalEventSchema>;
export type SignalEventType = SignalEvent["type"];

export const notificationTargetSchema = z.object({ level: z.number().int().min(0), unitPath: unitPathSchema }).strict();
export type NotificationTarget = z.infer<typeof notificationTargetSchema>;

export const NOTIFICATION_REASONS = ["raised", "escalated", "bypass", "overdue", "repeat", "closed"] as const;

export const notificationSchema = z
  .object({
    signalId: signalSchema.shape.id,
    groupKey: z.string(),
    at: millis,
    reason: z.enum(NOTIFICATION_REASONS),
    /** "ladder": the current holder; "bypass": the root's S5, reached directly by a crisis. */
    route: z.enum(["ladder", "bypass"]),
    target: notificationTargetSchema,
    /** Only pain pages; pleasure travels the same ladder as information. */
    page: z.boolean(),
    valence,
    band,
    state: z.enum(SIGNAL_STATES),
  })
  .strict();
export type Notification = z.infer<typeof notificationSchema>;

export const MATCH_FIELDS = ["kind", "valence", "indicator", "family", "band"] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** Every given field must match; a unit path matches exactly or, with scope "subtree", its descendants too. */
export const signalMatcherSchema = z
  .object({
    unitPath: unitPathSchema.optional(),
    scope: z.enum(["exact", "subtree"]).default("exact"),
    kind: signalSchema.shape.kind.optional(),
    valence: valence.optional(),
    indicator: signalSchema.shape.indicator.optional(),
    family: z.string().min(1).max(200).optional(),
    band: band.optional(),
  })
  .strict();
export type SignalMatcher = z.input<typeof signalMatcherSchema>;

export const silenceSchema = z
  .object({
    id: z.string().min(1).max(200),
    matcher: signalMatcherSchema.refine((m) => m.unitPath !== undefined || MATCH_FIELDS.some((f) => m[f] !== undefined), {
      message: "a silence must match on at least one field; silencing everything hides every signal",
    }),
    startsAt: millis,
    endsAt: millis,
    reason: text,
    createdBy: z.string().min(1).max(200),
    createdAt: millis,
  })
  .strict()
  .refine((s) => s.endsAt > s.startsAt, { message: "a silence must end after it starts", path: ["endsAt"] });
export type Silence = z.infer<typeof silenceSchema>;

/**
 * Alertmanager's inhibit rule, on the recursion: an active source signal at a containing system
 * hides target signals below it that agree with it on every `equal` field. A field neither has
 * (a signal without a family) is not agreement: unrelated signals must never hide each other.
 */
export const inhibitionRuleSchema = z
  .object({
    source: signalMatcherSchema.default({ scope: "exact" }),
    target: signalMatcherSchema.default({ scope: "exact" }),
    // By default the same indicator family, and the same valence: good news at the top must not hide bad news below.
    equal: z.array(z.enum(MATCH_FIELDS)).default(["family", "valence"]),
  })
  .strict();
export type InhibitionRule = z.infer<typeof inhibitionRuleSchema>;

export const DEFAULT_INHIBITION_RULES: readonly InhibitionRule[] = [inhibitionRuleSchema.parse({})];

/** When a notification group's pending notifications go out together (Alertmanager's group_wait). */
export const flushDeadlineSchema = z.object({ kind: z.literal("flush"), groupId: z.string().min(1), at: millis }).strict();
export type FlushDeadline = z.infer<typeof flushDeadlineSchema>;

/** Every durable timer the algedonic core asks for; a database stores them as rows. */
export const deadlineSchema = z.discriminatedUnion("kind", [signalDeadlineSchema, flushDeadlineSchema]);
export type Deadline = z.infer<typeof deadlineSchema>;

/** Notifications to one target for one signal group, held until the group flushes. */
export const notificationGroupSchema = z
  .object({
    id: z.string().min(1),
    groupKey: z.string().min(1),
    target: notificationTargetSchema,
    pending: z.array(notificationSchema),
    flushAt: millis,
  })
  .strict();
export type NotificationGroup = z.infer<typeof notificationGroupSchema>;

/** Groups waiting to flush, by id; a flushed group leaves the outbox. */
export const outboxSchema = z.record(z.string(), notificationGroupSchema);
export type Outbox = z.infer<typeof outboxSchema>;
