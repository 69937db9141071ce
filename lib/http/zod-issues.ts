import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { formatPath } from "@/lib/model-file/parse-model";

/**
 * A ZodError, wherever a handler meets one, answers 400 or 422 — never 500:
 *
 * - 400 bad_request: the request is malformed — a wrong type, a missing required field (an enum's
 *   too, when the schema was run with `reportInput`), a field
 *   the schema does not know, or a value that matches none of a union's shapes. The client's code
 *   is wrong; sending the same thing again with other values will not help.
 * - 422 validation_failed: every field has the right JSON type, but a value breaks a rule — too
 *   long or short, out of range, a fraction where a whole number belongs, not in an enum, a bad
 *   format (date, URL), a failed refinement.
 *
 * If any issue is malformed the whole answer is 400. Either way `details` lists every issue.
 */
export interface FieldProblem {
  /** Where the field was, when the wrapper parsed it; absent for a ZodError a handler threw itself. */
  in?: RequestPart;
  /** `systems[2].name`, as in model files; "" for the whole value. */
  path: string;
  message: string;
}

export type RequestPart = "params" | "query" | "body";

type Issue = z.core.$ZodIssue;

const MALFORMED_CODES: ReadonlySet<Issue["code"]> = new Set(["invalid_type", "unrecognized_keys", "invalid_union"]);

function isMalformed(issue: Issue): boolean {
  // A bad map key or set element is judged by what was wrong with it.
  if (issue.code === "invalid_key" || issue.code === "invalid_element") return issue.issues.some(isMalformed);
  // Zod reports 1.5 for an integer as a type error, but only once the value is a number: in JSON
  // terms the type is right and the value is not.
  if (issue.code === "invalid_type" && issue.expected === "int") return false;
  // A missing enum or literal field is reported as a wrong value, not a missing one; parsed with
  // `reportInput` (as the route wrapper does) the issue shows nothing was there.
  if (issue.code === "invalid_value" && "input" in issue && issue.input === undefined) return true;
  return MALFORMED_CODES.has(issue.code);
}

export interface IssuesAt {
  in?: RequestPart;
  issues: readonly Issue[];
}

export function validationError(groups: readonly IssuesAt[]): AppError {
  const issues = groups.flatMap((group) => group.issues);
  const details: FieldProblem[] = groups.flatMap((group) =>
    group.issues.map((issue) => ({ ...(group.in ? { in: group.in } : {}), path: formatPath(issue.path), message: issue.message })),
  );
  return issues.some(isMalformed)
    ? new AppError("bad_request", "The request is malformed: see details", details)
    : new AppError("validation_failed", "The request has invalid values: see details", details);
}
