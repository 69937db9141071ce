import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPARE_OPS, type Expr } from "@/lib/vsm/rules/ast";
import { parse } from "@/lib/vsm/rules/parser";
import { print } from "@/lib/vsm/rules/printer";

/**
 * Printing then parsing gives back the same tree, for any tree: any field names (keywords,
 * digits, dots, quotes, backticks, lone surrogates), any finite number (−0 included), any string.
 */

const awkward = fc.string({ unit: fc.constantFrom("a", "Z", "0", "-", "_", ".", " ", "`", "\\", '"', "'", "\n", "é", "\ud800", "#") });
const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), awkward, fc.constantFrom("and", "or", "not", "count", "true", "exists"));
const field = fc.array(text, { minLength: 1, maxLength: 3 });
const literal = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean());
const op = fc.constantFrom(...COMPARE_OPS);
const within = fc.oneof(fc.nat({ max: 10 ** 12 }), fc.constantFrom(0, 1_000, 60_000, 3_600_000, 86_400_000));

const expr = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 5, depthIdentifier: "rt" },
    fc.record({ type: fc.constant("compare" as const), field, op, value: literal }),
    fc.record({ type: fc.constant("exists" as const), field }),
    fc.record({ type: fc.constant("and" as const), left: tie("expr"), right: tie("expr") }),
    fc.record({ type: fc.constant("or" as const), left: tie("expr"), right: tie("expr") }),
    fc.record({ type: fc.constant("not" as const), operand: tie("expr") }),
    fc.record({ type: fc.constant("count" as const), operand: tie("expr"), op, n: fc.nat(), within }),
    fc.record({ type: fc.constant("then" as const), first: tie("expr"), next: tie("expr"), within }),
  ),
})).expr;

describe("print / parse round trip", () => {
  it("parses printed text back to the same tree, and prints it the same again", () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const text = print(tree);
        const back = parse(text);
        if (!back.ok) throw new Error(`${back.error.message}\n${text}`);
        expect(back.expr).toEqual(tree);
        expect(print(back.expr)).toBe(text);
      }),
      { numRuns: 3_000 },
    );
  });

  it("never throws on arbitrary input, locates every error inside it and shows nothing invisible", () => {
    const units = [
      "a",
      "=",
      "1",
      " ",
      "(",
      ")",
      '"',
      "`",
      ".",
      "\\",
      "and ",
      "count(",
      "within 5m",
      "then ",
      "not ",
      "\n",
      "\t",
      "\0",
      "\u200b",
      "\u202e",
      "\u00a0",
      "😀",
      "é",
    ];
    const source = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom(...units) }));
    fc.assert(
      fc.property(source, (input) => {
        const result = parse(input);
        if (result.ok) return;
        const { offset, line, column } = result.error;
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(input.length);
        const before = input.slice(0, offset).split("\n");
        expect([line, column]).toEqual([before.length, before.at(-1)!.length + 1]);
        // Nothing invisible reaches the message: a reader sees escapes such as \u200b instead.
        expect(result.error.message).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|(?! )\p{Zs}/u);
      }),
      { numRuns: 3_000 },
    );
  });
});
