import { stringify } from "yaml";
import type { ModelFormat } from "@/lib/model-file/model-format";
import type { ModelFile } from "@/lib/model-file/schemas";

/** A model as file text in either format; `parseModel` reads the text back to the same model. */
export function printModel(model: ModelFile, format: ModelFormat): string {
  return format === "json" ? `${JSON.stringify(model, null, 2)}\n` : stringify(model);
}
