import { z } from "zod";
import { decodeCursor } from "@/lib/api/signal-cursor";
import { bodyTime, operatorText, systemPath, timeInput } from "@/lib/api/schemas/common";
import { SIGNAL_STATES, signalSchema } from "@/lib/vsm/algedonic/schemas";
import { VALENCES } from "@/lib/vsm/types";

/** A signal as the domain holds it, its timeline included (docs/signals.md). */
export const signalBodySchema = signalSchema.meta({ id: "Signal" });

/** A signal in a list: the same without its timeline, which GET /api/v1/signals/{id} gives. */
export const signalSummarySchema = signalSchema.omit({ timeline: true }).meta({ id: "SignalSummary" });

export const MAX_SIGNALS_PAGE = 500;

const state = z.enum(SIGNAL_STATES);

const cursor = z
  .string()
  .transform((text, ctx) => {
    const position = decodeCursor(text);
    if (position === null) {
      ctx.addIssue({ code: "custom", message: "is not a cursor this API gave: pass nextCursor from the previous page as it came" });
      return z.NEVER;
    }
    return position;
  })
  .meta({ description: "Where the page starts: `nextCursor` of the previous page, as it came" });

export const signalsQuery = z
  .object({
    state: z
      .union([state, z.array(state)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional()
      .meta({ description: "Only these states; repeat the parameter for several (state=open&state=acknowledged)" }),
    valence: z.enum(VALENCES).optional(),
    kind: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: "Only this kind of change or alert (step, slope, transient, an alert's name…)" }),
    under: systemPath.optional().meta({ description: "Only signals of this system and its subtree" }),
    from: timeInput.optional().meta({ description: "Only signals raised at or after this time" }),
    to: timeInput.optional().meta({ description: "Only signals raised before this time" }),
    limit: z.coerce.number().int().min(1).max(MAX_SIGNALS_PAGE).default(100).meta({ description: "Page size" }),
    cursor: cursor.optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    }
  });

export const signalsResponse = z.object({
  signals: z.array(signalSummarySchema).meta({ description: "Newest raised first (then by id)" }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
});

export const signalParams = z.object({ id: z.string().min(1).max(200).meta({ description: "The signal's id", example: "sig_3f0c…" }) });

export const acknowledgeBody = z
  .object({
    eta: bodyTime
      .optional()
      .meta({ description: "When you expect it fixed; may extend this level's allowance once, by at most its maxExtension" }),
    note: operatorText(2000).optional(),
  })
  .strict();

export const resolveBody = z
  .object({
    resolution: z.enum(["fixed", "accepted-new-normal", "false-alarm"]),
    reason: operatorText(2000),
  })
  .strict();

export const noteBody = z.object({ text: operatorText(2000) }).strict();

/** Longest a silence from a signal may last: 30 days, as on the signal's page. */
export const MAX_SILENCE_MINUTES = 30 * 24 * 60;

export const silenceUnitBody = z
  .object({
    minutes: z.number().int().min(1).max(MAX_SILENCE_MINUTES).meta({ description: "How long, from now" }),
    reason: operatorText(500),
  })
  .strict();
