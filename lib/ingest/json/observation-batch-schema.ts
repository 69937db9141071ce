import { z } from "zod";
import { unitPathSchema } from "@/lib/vsm/algedonic/schemas";
import { INDICATOR_KEY_PATTERN } from "../indicator-key";
import { parseRfc3339 } from "../ingest-time";

/**
 * `POST /api/v1/observations` (docs/design.md §4): the schemas, defined once for the decoder and the
 * OpenAPI document. The time window depends on the receiver's clock, so it is checked by the
 * decoder, not here.
 */
export const MAX_BATCH_ITEMS = 10_000;

export const indicatorKeySchema = z.string().regex(INDICATOR_KEY_PATTERN, {
  message: "expected an indicator key: 1–64 lowercase letters, digits and '-', starting with a letter or digit",
});

/** RFC 3339 with an offset ("2024-05-01T12:00:00Z", "…+02:00"), or epoch milliseconds. */
export const observationTimeSchema = z.union(
  [
    z.string().refine((text) => parseRfc3339(text) !== null, {
      message: "expected an RFC 3339 date-time with an offset, e.g. 2024-05-01T12:00:00Z",
    }),
    z.number().int({ message: "expected whole epoch milliseconds" }),
  ],
  { error: "expected an RFC 3339 date-time string or epoch milliseconds" },
);

/** zod 4 numbers are finite: NaN and ±Infinity fail here, as do strings and null. */
const valueSchema = z.number({ error: "expected a finite number" });

export const observationItemSchema = z
  .object({
    unit: unitPathSchema,
    indicator: indicatorKeySchema.optional(),
    // Ids are PostgreSQL integers: a larger number names no indicator and must not reach a query.
    indicatorId: z.number().int().positive().max(2_147_483_647).optional(),
    time: observationTimeSchema,
    value: valueSchema,
  })
  .refine((item) => (item.indicator === undefined) !== (item.indicatorId === undefined), {
    message: "give exactly one of indicator (key) and indicatorId",
    path: ["indicator"],
  });
export type ObservationItem = z.infer<typeof observationItemSchema>;

export const observationBatchSchema = z.object({
  observations: z.array(observationItemSchema).max(MAX_BATCH_ITEMS),
});
