import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { isTemporal, type Expr } from "@/lib/vsm/rules/ast";
import { compile, compilePredicate } from "@/lib/vsm/rules/compile";
import { checkDepth, deeperThan, MAX_DEPTH, TreeTooDeepError } from "@/lib/vsm/rules/depth";
import { evaluateAt, interpret } from "@/lib/vsm/rules/interpret";
import { createMatcher } from "@/lib/vsm/rules/matcher";
import { parse } from "@/lib/vsm/rules/parser";
import { print } from "@/lib/vsm/rules/printer";
import { ruleSchema } from "@/lib/vsm/rules/rule";

/**
 * Long flat chains used to parse into trees as deep as the chain is long, and every later stage
 * recursed per level until the stack overflowed. Now the parser refuses a tree deeper than
 * MAX_DEPTH where it would grow past it, and a hand-built tree that deep is refused on entry.
 */

const leaf: Expr = { type: "compare", field: ["a"], op: "=", value: 1 };
const note = `the rule is more than ${MAX_DEPTH} levels deep; group long and/or chains in parentheses`;

/** `a = 1 <joiner> a = 1 <joiner> …` with `terms` conditions. */
const chain = (terms: number, joiner: string) => Array.from({ length: terms }, () => "a = 1").join(` ${joiner} `);

function refused(source: string) {
  const result = parse(source);
  if (result.ok) throw new Error(`a rule of ${source.length} characters parsed`);
  return result.error;
}

/** Offset of the nth ` word ` in the source (n from 1). */
function nth(source: string, word: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k += 1) at = source.indexOf(` ${word} `, at + 1);
  return at + 1;
}

/** A left-nested tree `depth` deep, built by hand as a caller or JSON.parse could. */
function handBuilt(depth: number, type: "and" | "not" | "then"): Expr {
  let expr = leaf;
  for (let level = 1; level < depth; level += 1)
    expr =
      type === "and"
        ? { type, left: expr, right: leaf }
        : type === "not"
          ? { type, operand: expr }
          : { type, first: expr, next: leaf, within: 1 };
  return expr;
}

describe("the parser's depth limit", () => {
  it.each([10_000, 100_000])("refuses %i and-, or- or then-terms with a located error, not a stack overflow", (terms) => {
    for (const joiner of ["and", "or"]) {
      const source = chain(terms, joiner);
      // The MAX_DEPTHth operator would join the (MAX_DEPTH + 1)th condition: that is where the limit is passed.
      const offset = nth(source, joiner, MAX_DEPTH);
      expect(refused(source)).toEqual({
        message: `line 1, column ${offset + 1}: unexpected "${joiner}" (${note})`,
        offset,
        line: 1,
        column: offset + 1,
        expected: [],
        found: `"${joiner}"`,
      });
    }
    const then = `a = 1${" then a = 1 within 1m".repeat(terms - 1)}`;
    expect(refused(then)).toMatchObject({
      found: '"then"',
      offset: nth(then, "then", MAX_DEPTH),
      message: expect.stringContaining(note) as unknown,
    });
    // `x and y or x and y or …`: each or adds a level above its and-pairs.
    const mixed = Array.from({ length: terms / 2 }, () => "a = 1 and a = 2").join(" or ");
    expect(refused(mixed)).toMatchObject({ found: '"or"', offset: nth(mixed, "or", MAX_DEPTH - 1) });
  });

  it("accepts a tree exactly MAX_DEPTH deep, and every later stage handles it", () => {
    const source = chain(MAX_DEPTH, "and");
    const result = parse(source);
    if (!result.ok) throw new Error(result.error.message);
    const { expr } = result;
    expect(deeperThan(expr, MAX_DEPTH - 1)).toBe(true);
    expect(compilePredicate(expr)({ a: 1 })).toBe(true);
    expect(createMatcher(compile(expr)).push({ a: 2 }, 0)).toBe(false);
    expect(interpret(expr, { a: 1 })).toBe(true);
    expect(print(expr)).toBe(source);
    const json = JSON.parse(JSON.stringify(expr)) as Expr;
    expect(isDeepStrictEqual(json, expr)).toBe(true);
    expect(json).toEqual(expr);
    expect(parse(print(json))).toEqual({ ok: true, expr });
  });

  it("counts not, count and then as levels, and parentheses as none", () => {
    const deep = chain(MAX_DEPTH - 1, "and");
    expect(parse(`not (${deep})`)).toMatchObject({ ok: true });
    expect(parse(`(((${chain(MAX_DEPTH, "and")})))`)).toMatchObject({ ok: true });
    expect(refused(`not (${chain(MAX_DEPTH, "and")})`)).toMatchObject({ offset: 0, found: '"not"' });
    expect(refused(`a = 1 or count(${chain(MAX_DEPTH, "and")}) > 1 within 1m`)).toMatchObject({ offset: 9, found: '"count"' });
    const then = `(${deep}) then a = 2 within 1m then a = 3 within 1m`;
    expect(refused(then)).toMatchObject({ found: '"then"', offset: nth(then, "then", 2) });
    // Grouping a long list keeps it shallow: two groups of 200 are 201 + 1 deep.
    expect(parse(`(${chain(200, "or")}) or (${chain(200, "or")})`)).toMatchObject({ ok: true });
  });

  it("reports the limit at a rule's `when` field", () => {
    const result = ruleSchema.safeParse({ name: "long", when: chain(MAX_DEPTH + 1, "and"), action: { annotate: "x" } });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["when"], message: expect.stringContaining(note) as unknown })]);
  });
});

describe("hand-built trees", () => {
  it.each(["and", "not", "then"] as const)("deeper than MAX_DEPTH are refused by compile, print and interpret (%s)", (type) => {
    for (const depth of [MAX_DEPTH + 1, 100_000]) {
      const expr = handBuilt(depth, type);
      expect(() => compile(expr)).toThrow(TreeTooDeepError);
      expect(() => compilePredicate(expr)).toThrow(type === "then" ? "need an event stream" : `more than ${MAX_DEPTH} levels deep`);
      expect(() => print(expr)).toThrow(TreeTooDeepError);
      expect(() => interpret(expr, { a: 1 })).toThrow(TreeTooDeepError);
      expect(() => evaluateAt(expr, [{ time: 0, event: {} }], 0)).toThrow(`more than ${MAX_DEPTH} levels deep`);
      expect(isTemporal(expr)).toBe(type === "then");
    }
    expect(print(handBuilt(MAX_DEPTH, type))).toContain("a = 1");
  });

  it("are measured without recursion, and a cyclic one ends the walk", () => {
    expect(deeperThan(handBuilt(1_000_000, "not"), MAX_DEPTH)).toBe(true);
    expect(deeperThan(leaf, 1)).toBe(false);
    expect(deeperThan({ type: "and", left: leaf, right: leaf }, 1)).toBe(true);
    const cycle = { type: "not", operand: leaf } as { type: "not"; operand: Expr };
    cycle.operand = cycle;
    expect(() => checkDepth(cycle)).toThrow(TreeTooDeepError);
    expect(new TreeTooDeepError().name).toBe("TreeTooDeepError");
  });
});
