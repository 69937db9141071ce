import { z } from "zod";
import { parseRfc3339 } from "../ingest-time";

/**
 * Alertmanager v2 `PostableAlert`, as Prometheus sends it to `POST /api/v2/alerts`:
 * `{ labels, annotations?, startsAt?, endsAt?, generatorURL? }` — no status; an alert is resolved
 * by an `endsAt` in the past. Two strictness levels, as Alertmanager has them: the types (JSON that
 * cannot become the Go structs fails with 400), then required fields (a missing `labels` fails
 * with 422). Go's zero time, `0001-01-01T00:00:00Z`, means "not set".
 */
/** 0001-01-01T00:00:00Z in epoch ms. */
const GO_ZERO_TIME = -62_135_596_800_000;

const labelSet = z.record(z.string(), z.string());
const dateTime = z
  .string()
  .transform((text, ctx) => {
    const time = parseRfc3339(text);
    if (time === null) {
      ctx.addIssue({ code: "custom", message: `"${text.slice(0, 40)}" is not an RFC 3339 date-time` });
      return z.NEVER;
    }
    return time === GO_ZERO_TIME ? undefined : time;
  })
  .optional();

/** The types only: what Go's JSON decoding into models.PostableAlerts checks. */
export const postableAlertTypesSchema = z.object({
  labels: labelSet.optional(),
  annotations: labelSet.optional(),
  startsAt: dateTime,
  endsAt: dateTime,
  generatorURL: z.string().optional(),
});

/** The published shape (for the OpenAPI document): labels required. */
export const postableAlertSchema = postableAlertTypesSchema.extend({ labels: labelSet });
export type PostableAlert = z.infer<typeof postableAlertTypesSchema>;
