import { z } from "zod";
import { bucketCount, MAX_BUCKETS, STEP_PATTERN, stepMillis } from "@/lib/api/step-buckets";
import { millis, systemPath, timeInput } from "@/lib/api/schemas/common";
import { indicatorKeySchema } from "@/lib/ingest/json/observation-batch-schema";
import { RESOLUTIONS } from "@/lib/vsm/temporal/resolution";
import { MINUTE } from "@/lib/vsm/types";

const step = z
  .string()
  .regex(STEP_PATTERN, { message: "expected a duration such as 5m, 1h or 1d (s, m, h or d)" })
  .transform((text) => stepMillis(text) ?? Number.NaN)
  .refine((ms) => ms % MINUTE === 0, { message: "must be a whole number of minutes: the finest roll-up is a minute" })
  .meta({ description: "The width of each bucket: a whole number of minutes, written as 90s, 5m, 1h, 1d", example: "5m" });

/**
 * The range must be whole minutes and hold at most MAX_BUCKETS steps. Checked once every field
 * has parsed, each problem on the field to change.
 */
export const observationsQuery = z
  .object({
    unit: systemPath,
    indicator: indicatorKeySchema.meta({ description: "The indicator's key within the unit", example: "latency-p99" }),
    from: timeInput.meta({ description: "Start of the range (inclusive), on a whole minute" }),
    to: timeInput.meta({ description: "End of the range (exclusive), on a whole minute" }),
    step,
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.from % MINUTE !== 0) ctx.addIssue({ code: "custom", path: ["from"], message: "must fall on a whole minute" });
    if (query.to % MINUTE !== 0) ctx.addIssue({ code: "custom", path: ["to"], message: "must fall on a whole minute" });
    if (query.to <= query.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
      return;
    }
    const count = bucketCount(query.from, query.to, query.step);
    if (count > MAX_BUCKETS) {
      ctx.addIssue({
        code: "custom",
        path: ["step"],
        message: `the range holds ${count} steps of this size, more than ${MAX_BUCKETS}: choose a larger step or a shorter range`,
      });
    }
  });

export const observationBucketSchema = z
  .object({
    start: millis,
    count: z.number().int().min(1),
    sum: z.number(),
    mean: z.number(),
    sd: z.number().min(0).meta({ description: "Population standard deviation of the bucket's values" }),
    min: z.number(),
    max: z.number(),
  })
  .meta({ id: "ObservationBucket" });

export const observationsResponse = z.object({
  unit: systemPath,
  indicator: z.string(),
  from: millis,
  to: millis,
  step: z.number().int().meta({ description: "Bucket width, ms" }),
  resolution: z.enum(RESOLUTIONS).meta({ description: "The roll-up the buckets were summed from: the coarsest that tiles every step" }),
  buckets: z.array(observationBucketSchema).meta({
    description: "The buckets holding at least one point, oldest first; bucket k covers [from + k·step, min(from + (k+1)·step, to))",
  }),
});
