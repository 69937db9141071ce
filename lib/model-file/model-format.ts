import { ModelFileError } from "@/lib/model-file/model-file-error";

/** The two spellings of a model file; the content is the same either way. */
export type ModelFormat = "json" | "yaml";

export function formatFromFileName(fileName: string): ModelFormat {
  if (/\.json$/i.test(fileName)) return "json";
  if (/\.ya?ml$/i.test(fileName)) return "yaml";
  throw new ModelFileError([{ path: "", message: `cannot tell the format of "${fileName}": use a .json, .yaml or .yml file` }]);
}
