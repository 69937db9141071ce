import { defineRoute } from "@/lib/api/define-route";
import { importSummarySchema, modelExportQuery, modelFileBody } from "@/lib/api/schemas/model";

export const exportModel = defineRoute({
  operationId: "exportModel",
  method: "get",
  path: "/api/v1/model",
  permission: "read",
  permissionNote: "read on the whole model",
  tag: "Model",
  summary: "Export the model file",
  description: "The whole model in the model file format (docs/model-files.md); importing it changes nothing.",
  query: modelExportQuery,
  response: {
    status: 200,
    description: "The model file",
    schema: modelFileBody,
    alternatives: { "application/yaml": { description: "The same model file as YAML, with ?format=yaml" } },
  },
});

export const MAX_MODEL_BYTES = 16 * 1024 * 1024;

export const importModel = defineRoute({
  operationId: "importModel",
  method: "post",
  path: "/api/v1/model",
  permission: "administer",
  permissionNote: "administer on the whole model",
  tag: "Model",
  summary: "Import a model file",
  description:
    "Creates or updates every system, function, channel and indicator in the file, in one transaction; nothing absent from the file is deleted except the channels of the systems it names. A file with any problem is refused whole (each problem named by its path in the file) and nothing is stored. At most 16 MiB.",
  body: modelFileBody,
  // A model of a thousand systems is a few megabytes of JSON.
  maxBodyBytes: MAX_MODEL_BYTES,
  response: { status: 200, description: "What changed", schema: importSummarySchema },
});
