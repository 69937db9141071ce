import { z } from "zod";
import { millis, systemPath } from "@/lib/api/schemas/common";
import type { Holds, Same } from "@/lib/api/schemas/same-type";
import type { TreeDiagnosis } from "@/lib/view/diagnose-model";
import type { TreeVariety } from "@/lib/view/variety-report";
import { WINDOW_CHOICES, type WindowChoice } from "@/lib/view/variety-window";
import { DIAGNOSIS_RULES } from "@/lib/vsm/diagnosis/finding";
import { SEVERITIES } from "@/lib/vsm/diagnosis/severity";
import { CHANNEL_KINDS, FUNCTION_KINDS } from "@/lib/vsm/model/kinds";
import { VALENCES } from "@/lib/vsm/types";
import { AMPLIFIERS, ATTENUATORS } from "@/lib/vsm/variety/variety-flow";
import { VARIETY_BALANCES } from "@/lib/vsm/variety/requisite-variety";

/**
 * The answers of the Variety and Diagnosis routes: the same reports the pages render (docs/variety.md,
 * docs/design.md §3.7), described field by field. The compile-time checks at the bottom keep each
 * schema equal to the type the report is computed as, so the document cannot drift from the code.
 */

const window = z.object({ from: millis, to: millis }).meta({ description: "The half-open window [from, to)" });
const bits = z.number().meta({ description: "bits" });

const side = z.object({ bits, stateBits: bits, events: z.number().int(), classes: z.number().int() });

const systemVariety = z.object({
  path: systemPath,
  name: z.string(),
  level: z.number().int(),
  assessment: z.object({
    disturbance: bits.meta({ description: "H(D), bits" }),
    regulatory: bits.meta({ description: "H(R), bits" }),
    deficit: bits.meta({ description: "H(D) − H(R), bits" }),
    tolerance: bits,
    state: z.enum(VARIETY_BALANCES),
    window,
    disturbances: side,
    responses: side,
  }),
});

const throughput = { itemsIn: z.number(), itemsOut: z.number(), bitsIn: bits, bitsOut: bits, absorbed: bits };

const levelAccount = z.object({
  ...throughput,
  level: z.number().int(),
  stages: z.array(z.object({ ...throughput, device: z.enum([...ATTENUATORS, ...AMPLIFIERS]), role: z.enum(["attenuator", "amplifier"]) })),
});

const attentionShare = z.object({
  window,
  s3: z.number(),
  s4: z.number(),
  s4Share: z.number().nullable(),
  state: z.enum(["balanced", "S3-dominant", "S4-dominant"]).nullable(),
});

const homeostat = z.object({
  path: systemPath,
  name: z.string(),
  settings: z.object({ target: z.number(), tolerance: z.number() }),
  view: z.object({
    overall: attentionShare,
    windows: z.array(attentionShare),
    trend: z
      .object({
        slope: z.number(),
        intercept: z.number(),
        r2: z.number().nullable(),
        n: z.number().int(),
        standardError: z.number().nullable(),
        df: z.number().int(),
      })
      .nullable(),
    slopePerDay: z.number().nullable(),
  }),
});

export const treeVarietySchema = z
  .object({
    root: z.object({ path: systemPath, name: z.string() }),
    signals: z.number().int().meta({ description: "Signals raised in the tree within the window, retracted ones included" }),
    systems: z.array(systemVariety),
    quiet: z.number().int().meta({ description: "Systems of the tree with neither disturbance nor response" }),
    levels: z.array(levelAccount).meta({ description: "Each level's attenuators and amplifiers, root first" }),
    homeostats: z.array(homeostat),
  })
  .meta({ id: "TreeVariety" });

const WINDOWS = Object.keys(WINDOW_CHOICES) as [WindowChoice, ...WindowChoice[]];

export const varietyQuery = z.object({ window: z.enum(WINDOWS).default("24h") }).strict();

export const varietyResponse = z.object({
  window,
  trees: z.array(treeVarietySchema).meta({ description: "The trees whose root the caller may read" }),
  partial: z
    .boolean()
    .meta({ description: "True when the caller may read only part of the model: trees it reads below the root are left out" }),
  empty: z.boolean().meta({ description: "Nothing raised, responded to or attended to anywhere within the window" }),
});

export const findingSchema = z
  .object({
    rule: z.enum(DIAGNOSIS_RULES),
    severity: z.enum(SEVERITIES),
    level: z.number().int(),
    path: systemPath.meta({ description: "Where the fix belongs" }),
    function: z.enum(FUNCTION_KINDS).optional(),
    channel: z.enum(CHANNEL_KINDS).optional(),
    unit: z.string().optional(),
    units: z.array(z.string()).readonly().optional(),
    indicator: z.string().optional(),
    valence: z.enum(VALENCES).optional(),
    message: z.string(),
    hint: z.string(),
  })
  .meta({ id: "Finding" });

export const treeDiagnosisSchema = z
  .object({ root: systemPath, rootName: z.string(), systemCount: z.number().int(), findings: z.array(findingSchema) })
  .meta({ id: "TreeDiagnosis" });

export const diagnosisResponse = z.object({
  trees: z.array(treeDiagnosisSchema).meta({ description: "One per tree whose root the caller may read" }),
  unassigned: z
    .array(z.object({ source: z.string(), points: z.number().int(), names: z.number().int(), units: z.number().int() }))
    .nullable()
    .meta({
      description: "Telemetry that named a unit or indicator the model lacks, per source; null unless the caller reads the whole model",
    }),
});

export type VarietySchemaMatches = Holds<Same<z.output<typeof treeVarietySchema>, TreeVariety>>;
export type DiagnosisSchemaMatches = Holds<Same<z.output<typeof treeDiagnosisSchema>, TreeDiagnosis>>;
