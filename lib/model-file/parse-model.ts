import { parseDocument } from "yaml";
import type { z } from "zod";
import { ModelFileError, type ModelProblem } from "@/lib/model-file/model-file-error";
import type { ModelFormat } from "@/lib/model-file/model-format";
import { modelFileSchema, type ModelFile } from "@/lib/model-file/schemas";

/** Where in the file a problem is, as a reader would write it: `systems[2].indicators[0].key`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}

const quote = (value: unknown) => JSON.stringify(value);

/** Zod's messages, reworded to say what was expected in the file's own terms. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `expected ${issue.values.map(quote).join(" | ")}`;
    case "invalid_type":
      return issue.message.includes("received undefined") ? `required (${issue.expected})` : `expected ${issue.expected}`;
    case "too_small":
      if (issue.origin === "string") return issue.minimum === 1 ? "must not be empty" : `must be at least ${issue.minimum} characters`;
      if (issue.origin === "array") return `must have at least ${issue.minimum} item${issue.minimum === 1 ? "" : "s"}`;
      return issue.message;
    case "too_big":
      if (issue.origin === "string") return `must be at most ${issue.maximum} characters`;
      return issue.message;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map(quote).join(", ")}`;
    default:
      return issue.message;
  }
}

function syntaxProblems(text: string, format: ModelFormat): { value: unknown; problems: ModelProblem[] } {
  if (format === "json") {
    try {
      return { value: JSON.parse(text), problems: [] };
    } catch (error) {
      return { value: undefined, problems: [{ path: "", message: `invalid JSON: ${(error as Error).message}` }] };
    }
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      value: undefined,
      problems: doc.errors.map((e) => ({ path: "", message: `invalid YAML: ${e.message.split("\n")[0]}` })),
    };
  }
  return { value: doc.toJS(), problems: [] };
}

/** Parses and validates a whole model file, or throws one error listing every problem. */
export function parseModel(text: string, format: ModelFormat): ModelFile {
  const { value, problems } = syntaxProblems(text, format);
  if (problems.length > 0) throw new ModelFileError(problems);
  const result = modelFileSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ModelFileError(result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: describeIssue(issue) })));
}
