import { z } from "zod";
import { millis, systemPath } from "@/lib/api/schemas/common";
import { INDEX_KINDS, INDICATOR_SCOPES } from "@/lib/vsm/model/kinds";
import { DIRECTIONS } from "@/lib/vsm/types";

const moments = z.object({ mean: z.number(), sd: z.number().min(0) });

/** The filter's view of a series at its last checkpoint (lib/api/filter-summary.ts). */
export const filterSummarySchema = z
  .object({
    ready: z.boolean().meta({ description: "Whether the warm-up is over; before it, level, slope and regimes are null" }),
    interval: z.number().min(0).meta({ description: "The typical time between points the filter has learnt, ms (0 until known)" }),
    level: moments
      .nullable()
      .meta({ description: "Posterior level of the filtered series (its index or raw value), seasonal part excluded" }),
    slope: moments.nullable().meta({ description: "Posterior slope per typical interval" }),
    regimes: z
      .object({ steady: z.number(), step: z.number(), slope: z.number(), transient: z.number() })
      .nullable()
      .meta({ description: "Probabilities of the four regimes" }),
    episode: z
      .object({
        kind: z.enum(["step", "slope", "transient"]),
        direction: z.enum(["up", "down"]),
        since: millis,
        changes: z.number().int().min(1),
        reference: z.number().meta({ description: "The level before the episode began, in the series' units" }),
      })
      .nullable()
      .meta({ description: "The change episode under way, if any" }),
  })
  .meta({ id: "FilterSummary" });

export const indicatorSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(DIRECTIONS).meta({ description: "Which way is good" }),
    index: z.enum(INDEX_KINDS).meta({ description: "The series the filter follows: one of Beer's ratios, or the raw value" }),
    scope: z.enum(INDICATOR_SCOPES),
    family: z.string().nullable(),
    capability: z.number().nullable(),
    potentiality: z.number().nullable(),
    filter: z
      .object({
        points: z.number().int().min(0).meta({ description: "Points that have stepped the filter" }),
        steppedThrough: millis.nullable().meta({ description: "Time of the last of them" }),
        checkpoint: z
          .object({
            points: z.number().int().min(0),
            steppedThrough: millis.nullable(),
            writtenAt: millis,
            state: filterSummarySchema.nullable().meta({ description: "Null when the checkpoint is of another filter version" }),
          })
          .nullable()
          .meta({ description: "The latest stored filter state; it may lag the points by a few (checkpoints are written when due)" }),
      })
      .nullable()
      .meta({ description: "Null until the first batch for this indicator" }),
  })
  .meta({ id: "Indicator" });

export type IndicatorView = z.output<typeof indicatorSchema>;

export const indicatorsQuery = z.object({ unit: systemPath.meta({ description: "The unit whose indicators to list" }) }).strict();

export const indicatorsResponse = z.object({ unit: systemPath, indicators: z.array(indicatorSchema) });
