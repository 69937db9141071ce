import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { parseRfc3339 } from "@/lib/ingest/ingest-time";
import { unitPathSchema } from "@/lib/vsm/algedonic/schemas";

/**
 * Schemas shared by the REST routes. Times go out as epoch milliseconds, as the domain and the
 * telemetry endpoints hold them, and come in as either an RFC 3339 date-time or epoch milliseconds,
 * as the JSON batch endpoint takes them.
 */

/** Epoch milliseconds, as every answer gives times. */
export const millis = z.number().int().meta({ description: "Epoch milliseconds (UTC)", example: 1764590400000 });

const EPOCH_MS = /^\d{1,16}$/;
/** JavaScript's own range of dates: a later time is no date at all. */
const MAX_TIME = 8.64e15;
const TIME_FORMS = "An RFC 3339 date-time with an offset, or whole epoch milliseconds";

function toTime(value: number | string, ctx: z.RefinementCtx): number {
  const time = typeof value === "number" ? value : EPOCH_MS.test(value) ? Number(value) : parseRfc3339(value);
  if (time === null || !Number.isSafeInteger(time) || time < 0 || time > MAX_TIME) {
    ctx.addIssue({
      code: "custom",
      message: "expected an RFC 3339 date-time with an offset (2026-12-01T09:00:00Z) or whole epoch milliseconds",
    });
    return z.NEVER;
  }
  return time;
}

/** A time in a query string: RFC 3339 with an offset, or whole epoch milliseconds. */
export const timeInput = z
  .string()
  .transform(toTime)
  .meta({ description: TIME_FORMS, examples: ["2026-12-01T09:00:00Z", "1764579600000"] });

/** A time in a JSON body: the same two forms, the milliseconds as a JSON number. A wrong value is a 422 naming the field. */
export const bodyTime = z.union([z.number(), z.string()]).transform(toTime).meta({ description: TIME_FORMS });

/** A system's path: slash-separated slugs from the root. */
export const systemPath = unitPathSchema.meta({
  description: "A system's path: slash-separated slugs from the root",
  example: "acme/ops/payments",
});

const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** Every refusal and failure, whatever the route (docs/design.md §4). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z
        .unknown()
        .optional()
        .meta({ description: "For 400 and 422: the fields at fault, as `[{ in, path, message }]`; otherwise what the message refers to" }),
    }),
  })
  .meta({ id: "Error" });

/** A text an operator writes: trimmed, not blank. */
export const operatorText = (max: number) => z.string().trim().min(1).max(max);
