import { z } from "zod";
import { bodyTime, operatorText, timeInput } from "@/lib/api/schemas/common";
import { silenceSchema } from "@/lib/vsm/algedonic/schemas";

/** A silence as stored (docs/signals.md): it hides matching signals while active and changes none of them. */
export const silenceBodySchema = silenceSchema.meta({ id: "Silence" });

export const MAX_SILENCES = 1_000;

export const silencesQuery = z
  .object({
    since: timeInput.optional().meta({ description: "Also those that ended at or after this time (default: only those not ended)" }),
  })
  .strict();

export const silencesResponse = z.object({
  silences: z.array(silenceBodySchema).meta({
    description: `Those that can hide a signal the caller may read, by start; at most ${MAX_SILENCES}`,
  }),
});

/** The matcher checks its own fields (at least one must be given); the start and end are checked here, on the fields to change. */
export const createSilenceBody = z
  .object({
    matcher: silenceSchema.shape.matcher.meta({
      description:
        "Which signals it hides: every given field must match; unitPath matches that unit, or its subtree too with scope subtree. At least one field.",
    }),
    startsAt: bodyTime.optional().meta({ description: "Default: now" }),
    endsAt: bodyTime,
    reason: operatorText(2000),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.startsAt !== undefined && body.endsAt <= body.startsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
    }
  });

export const silenceParams = z.object({ id: z.string().min(1).max(200).meta({ description: "The silence's id", example: "sil_8a1e…" }) });

export const silenceResponse = z.object({ silence: silenceBodySchema });
