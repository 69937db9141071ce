import { z } from "zod";
import { SEVERITIES } from "@/lib/vsm/diagnosis/severity";
import { compile, type CompiledQuery } from "@/lib/vsm/rules/compile";
import { parse } from "@/lib/vsm/rules/parser";
import type { RuleSyntaxError } from "@/lib/vsm/rules/syntax-error";

/** Raise an algedonic signal (valence defaults to pain where the signal is raised), or annotate the timeline. */
const actionSchema = z.union([
  z
    .object({
      raise: z
        .object({
          kind: z.string().trim().min(1).max(100),
          valence: z.enum(["pain", "pleasure"]).optional(),
          severity: z.enum(SEVERITIES).optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ annotate: z.string().trim().min(1).max(2000) }).strict(),
]);

/**
 * An event rule as an admin writes it. The schema parses `when`, so a form, an action or a route
 * using it reports a syntax error at the `when` field with its line and column.
 */
export const ruleSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    // Not trimmed: error positions must point into the text the admin typed.
    when: z.string().min(1).max(10_000),
    action: actionSchema,
  })
  .strict()
  .superRefine((rule, ctx) => {
    const parsed = parse(rule.when);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["when"], message: parsed.error.message });
  });

export type Rule = z.infer<typeof ruleSchema>;
export type RuleAction = Rule["action"];

export interface CompiledRule {
  readonly rule: Rule;
  readonly query: CompiledQuery;
}

export type RuleCompilation = { ok: true; compiled: CompiledRule } | { ok: false; error: RuleSyntaxError };

/** Parses and compiles the rule's `when` once; the result is reused for every event. */
export function compileRule(rule: Rule): RuleCompilation {
  const parsed = parse(rule.when);
  if (!parsed.ok) return parsed;
  return { ok: true, compiled: { rule, query: compile(parsed.expr) } };
}
