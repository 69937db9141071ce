import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/vsm/rules/ast";
import { MAX_NESTING, parse } from "@/lib/vsm/rules/parser";
import { MINUTE } from "@/lib/vsm/types";

function ok(source: string): Expr {
  const result = parse(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
}

function error(source: string) {
  const result = parse(source);
  if (result.ok) throw new Error(`"${source}" parsed`);
  return result.error;
}

const a = { type: "compare", field: ["a"], op: "=", value: 1 } as const;
const b = { type: "compare", field: ["b"], op: "=", value: 2 } as const;
const c = { type: "compare", field: ["c"], op: "=", value: 3 } as const;

describe("parse", () => {
  it("reads comparisons on dotted fields with string, number and boolean literals", () => {
    expect(ok('labels.severity = "critical"')).toEqual({ type: "compare", field: ["labels", "severity"], op: "=", value: "critical" });
    expect(ok("value >= 0.95")).toEqual({ type: "compare", field: ["value"], op: ">=", value: 0.95 });
    expect(ok("resolved != true")).toEqual({ type: "compare", field: ["resolved"], op: "!=", value: true });
    expect(ok("x < false")).toMatchObject({ value: false });
    expect(ok("labels.team exists")).toEqual({ type: "exists", field: ["labels", "team"] });
  });

  it("binds not over and over or over then, and nests to the left", () => {
    expect(ok("a = 1 or b = 2 and c = 3")).toEqual({ type: "or", left: a, right: { type: "and", left: b, right: c } });
    expect(ok("(a = 1 or b = 2) and c = 3")).toEqual({ type: "and", left: { type: "or", left: a, right: b }, right: c });
    expect(ok("a = 1 and b = 2 and c = 3")).toEqual({ type: "and", left: { type: "and", left: a, right: b }, right: c });
    expect(ok("not a = 1 and b = 2")).toEqual({ type: "and", left: { type: "not", operand: a }, right: b });
    expect(ok("not not a = 1")).toEqual({ type: "not", operand: { type: "not", operand: a } });
    expect(ok("a = 1 or b = 2 then c = 3 within 10m")).toEqual({
      type: "then",
      first: { type: "or", left: a, right: b },
      next: c,
      within: 10 * MINUTE,
    });
    expect(ok("a = 1 then b = 2 within 1m then c = 3 within 2m")).toEqual({
      type: "then",
      first: { type: "then", first: a, next: b, within: MINUTE },
      next: c,
      within: 2 * MINUTE,
    });
  });

  it("reads count as an operand like any condition", () => {
    expect(ok('count(kind = "pain") >= 3 within 10m and a = 1')).toEqual({
      type: "and",
      left: { type: "count", operand: { type: "compare", field: ["kind"], op: "=", value: "pain" }, op: ">=", n: 3, within: 10 * MINUTE },
      right: a,
    });
    expect(ok("count(a = 1 then b = 2 within 1m) = 0 within 1h")).toMatchObject({ type: "count", n: 0, operand: { type: "then" } });
  });

  it("says where and what it expected, on the right line and column", () => {
    expect(error("a = 1 b = 2")).toEqual({
      message: 'line 1, column 7: expected "and", "or", "then" or end of input but found field b',
      offset: 6,
      line: 1,
      column: 7,
      expected: ['"and"', '"or"', '"then"', "end of input"],
      found: "field b",
    });
    expect(error("a = 1 then b = 2 within 5m and c = 3").message).toBe(
      'line 1, column 28: expected "then" or end of input but found "and"',
    );
    expect(error("(a = 1\n  or b = 2").message).toBe('line 2, column 11: expected "and", "or", "then" or ")" but found end of input');
    expect(error("").message).toBe('line 1, column 1: expected "(", "not", "count" or a field but found end of input');
    expect(error("a").message).toBe('line 1, column 2: expected "=", "!=", ">", ">=", "<", "<=" or "exists" but found end of input');
    expect(error("a = ").expected).toEqual(["a string", "a number", '"true"', '"false"']);
    expect(error("severity = critical").message).toBe(
      'line 1, column 12: expected a string, a number, "true" or "false" but found field critical (text is quoted: "critical")',
    );
    expect(error("a = 1 AND b = 2").message).toContain("found field AND (keywords are lowercase)");
    expect(error("a = 1 then b = 2").message).toBe('line 1, column 17: expected "within" but found end of input');
    expect(error("a = 1 then b = 2 within 5").message).toBe("line 1, column 25: expected a duration such as 5m but found number 5");
    expect(error("a = (1)").found).toBe('"("');
    expect(error("a = 1 )").found).toBe('")"');
    expect(error("a = 1 and 5m").found).toBe("a duration");
    expect(error("a = 1 and 'x'").found).toBe('string "x"');
    expect(error("a = 1 and = 2").found).toBe('"="');
  });

  it("escapes invisible characters in the fields and strings it quotes", () => {
    expect(error("a = 1 `x\\u0000\ty\u200b`").found).toBe("field `x\\u0000\\ty\\u200b`");
    expect(error("a = 1 `x\u202e`.b").message).toBe(
      'line 1, column 7: expected "and", "or", "then" or end of input but found field `x\\u202e`.b',
    );
    expect(error("a = 1 'x\\u2066\u00a0é'").found).toBe('string "x\\u2066\\u00a0é"');
    expect(error("a = `\u200b`").message).toContain('(text is quoted: "\\u200b")');
  });

  it("checks the parts of count", () => {
    expect(error("count a = 1").expected).toEqual(['"("']);
    expect(error("count(a = 1 b").expected).toEqual(['"and"', '"or"', '"then"', '")"']);
    expect(error("count(a = 1) 3 within 5m").expected).toEqual(['"="', '"!="', '">"', '">="', '"<"', '"<="']);
    for (const n of ["2.5", "-1", '"3"', "1e300", "5m"])
      expect(error(`count(a = 1) >= ${n} within 5m`).expected).toEqual(["a whole number of events"]);
    expect(error("count(a = 1) >= 2").expected).toEqual(['"within"']);
  });

  it("takes a count only in digits, and says so at the number", () => {
    expect(ok("count(a = 1) >= 007 within 5m")).toMatchObject({ type: "count", n: 7 });
    for (const n of ["1.0", "1e2", "1E+2", "-0", "-1", "+1", "0x10", "1_0", ".5", "1.", "Infinity"]) {
      const { offset, expected, message } = error(`count(a = 1) >= ${n} within 5m`);
      expect([offset, expected], n).toEqual([16, ["a whole number of events"]]);
      expect(message, n).toMatch(/^line 1, column 17: expected a whole number of events but found /);
    }
    expect(error("count(a = 1) >= 1.0 within 5m").found).toBe("number 1.0");
    expect(error("count(a = 1) >= +1 within 5m").found).toBe('"+1"');
    expect(error("count(a = 1) >= 9007199254740992 within 5m").message).toBe(
      "line 1, column 17: expected a whole number of events but found number 9007199254740992 (at most 9007199254740991)",
    );
    expect(ok("count(a = 1) >= 9007199254740991 within 5m")).toMatchObject({ n: Number.MAX_SAFE_INTEGER });
  });

  it("reads numbers and durations exactly as the grammar writes them, wherever they stand", () => {
    expect(ok("x = -2.5e-3")).toMatchObject({ value: -0.0025 });
    expect(ok("x = -0")).toMatchObject({ value: -0 });
    expect(error("x = +1")).toMatchObject({ offset: 4, expected: ["a string", "a number", '"true"', '"false"'], found: '"+1"' });
    expect(error("x = 0x10").message).toBe('line 1, column 5: expected a string, a number, "true" or "false" but found "0x10"');
    expect(error("x = 1.").found).toBe('"1."');
    expect(error("x = .5").found).toBe('".5"');
    expect(error("x > 1e999").message).toBe(
      'line 1, column 5: expected a string, a number, "true" or "false" but found "1e999" (number too large)',
    );
    const note = "(a duration is a whole number followed by ms, s, m, h or d, e.g. 90s)";
    for (const d of ["1.5m", "-5m", "+5m", "1e3s", "5M", "5 m"])
      expect(error(`a = 1 then b = 1 within ${d}`), d).toMatchObject({ offset: 24, expected: ["a duration such as 5m"] });
    expect(error("a = 1 then b = 1 within 1.5m").message).toBe(
      `line 1, column 25: expected a duration such as 5m but found "1.5m" ${note}`,
    );
    expect(error("count(a = 1) > 1 within 99999999999999d").message).toContain('found "99999999999999d" (duration too long)');
    expect(error("a = 1 and 2x = 1").message).toBe(`line 1, column 11: expected "(", "not", "count" or a field but found "2x" ${note}`);
  });

  it("refuses nesting deeper than MAX_NESTING instead of overflowing the stack", () => {
    expect(ok(`${"(".repeat(MAX_NESTING)}a = 1${")".repeat(MAX_NESTING)}`)).toEqual(a);
    expect(ok(`${"not ".repeat(MAX_NESTING)}a = 1`)).toMatchObject({ type: "not" });
    expect(error(`${"(".repeat(MAX_NESTING + 1)}a = 1${")".repeat(MAX_NESTING + 1)}`)).toMatchObject({
      offset: MAX_NESTING,
      message: `line 1, column ${MAX_NESTING + 1}: unexpected "(" (nested more than ${MAX_NESTING} deep)`,
    });
    expect(error(`${"count(".repeat(MAX_NESTING + 1)}a = 1`).message).toContain("nested more than");
    expect(error("not ".repeat(10_000)).message).toContain("nested more than");
  });

  it("passes lexer errors through as data", () => {
    expect(error('a = "x').message).toContain("is not closed");
  });
});
