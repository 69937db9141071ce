import { z } from "zod";
import { systemPath } from "@/lib/api/schemas/common";

/** One system as the API lists it: where it sits, who owns it, what it has. */
export const systemSummarySchema = z
  .object({
    path: systemPath,
    /** Its containing system; null for a root. */
    parent: systemPath.nullable(),
    level: z.number().int().min(0).meta({ description: "Recursion level: 0 at a root" }),
    name: z.string(),
    purpose: z.string(),
    owner: z.string().nullable(),
    functions: z
      .object({ s2: z.boolean(), s3: z.boolean(), s3star: z.boolean(), s4: z.boolean(), s5: z.boolean() })
      .meta({ description: "Which of S2–S5 the system has (S1 is its units)" }),
    indicatorCount: z.number().int().min(0),
    openSignals: z
      .object({ pain: z.number().int().min(0), pleasure: z.number().int().min(0) })
      .meta({ description: "Running signals raised at this system, by valence" }),
  })
  .meta({ id: "System" });

export type SystemSummary = z.output<typeof systemSummarySchema>;

export const systemsQuery = z
  .object({
    under: systemPath.optional().meta({ description: "Only this system and its subtree" }),
  })
  .strict();

export const systemsResponse = z.object({
  systems: z.array(systemSummarySchema).meta({ description: "The systems the caller may read, by path (each system before its units)" }),
});

export const unitsQuery = z.object({ system: systemPath.meta({ description: "The system whose S1 units to list" }) }).strict();

export const unitsResponse = z.object({
  system: systemPath,
  units: z.array(systemSummarySchema).meta({ description: "Its S1 operational units (its child systems) that the caller may read" }),
});
