import { z } from "zod";
import { modelFileSchema } from "@/lib/model-file/schemas";
import type { Holds, Same } from "@/lib/api/schemas/same-type";
import type { ImportSummary } from "@/lib/store/model-import";

/** The model file format (docs/model-files.md): what `npm run model -- export` writes and `import` reads. */
export const modelFileBody = modelFileSchema.meta({ id: "ModelFile" });

export const modelExportQuery = z
  .object({ format: z.enum(["json", "yaml"]).default("json").meta({ description: "json (application/json) or yaml (application/yaml)" }) })
  .strict();

const count = z.number().int().min(0);

export const importSummarySchema = z
  .object({
    systems: z.object({ created: count, updated: count }),
    indicators: z.object({ created: count, updated: count }),
    channels: z.object({ created: count, removed: count }),
  })
  .meta({ id: "ImportSummary" });

export type ImportSummaryMatches = Holds<Same<z.output<typeof importSummarySchema>, ImportSummary>>;
