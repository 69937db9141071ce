import { describe, expect, it } from "vitest";
import { isTemporal } from "@/lib/vsm/rules/ast";
import { parse } from "@/lib/vsm/rules/parser";
import { escapeInvisible, listAlternatives, locate, quote, syntaxError } from "@/lib/vsm/rules/syntax-error";

describe("syntax errors", () => {
  it("locate offsets as one-based lines and columns", () => {
    expect(locate("ab\ncd\n", 0)).toEqual({ line: 1, column: 1 });
    expect(locate("ab\ncd\n", 4)).toEqual({ line: 2, column: 2 });
    expect(locate("ab\ncd\n", 6)).toEqual({ line: 3, column: 1 });
  });

  it("quote input as JSON strings with every invisible character escaped, printable Unicode kept", () => {
    expect(quote("\u200b\t\n\u0000\u202e\u2066\u00a0\u2028\u0085\u00ad\ufeff\ufe0f")).toBe(
      '"\\u200b\\t\\n\\u0000\\u202e\\u2066\\u00a0\\u2028\\u0085\\u00ad\\ufeff\\ufe0f"',
    );
    expect(quote('a "b" \\ é 中 😀 \ud800')).toBe('"a \\"b\\" \\\\ é 中 😀 \\ud800"');
    expect(escapeInvisible("`x\u200by` z")).toBe("`x\\u200by` z");
  });

  it("list what was expected in plain English", () => {
    expect(listAlternatives([])).toBe("");
    expect(listAlternatives(["a"])).toBe("a");
    expect(listAlternatives(["a", "b"])).toBe("a or b");
    expect(listAlternatives(["a", "b", "c"])).toBe("a, b or c");
    const failure = syntaxError("x\ny", 2, ['")"'], "end of input", "a note");
    expect(failure.error).toEqual({
      message: 'line 2, column 1: expected ")" but found end of input (a note)',
      offset: 2,
      line: 2,
      column: 1,
      expected: ['")"'],
      found: "end of input",
    });
    expect(failure.name).toBe("SyntaxFailure");
  });
});

describe("isTemporal", () => {
  it("finds count and then anywhere in the tree", () => {
    const temporal = (source: string) => {
      const result = parse(source);
      if (!result.ok) throw new Error(result.error.message);
      return isTemporal(result.expr);
    };
    expect(temporal("a = 1 and not (b exists or c = 2)")).toBe(false);
    expect(temporal("a = 1 and not (b exists or count(c = 2) > 1 within 1m)")).toBe(true);
    expect(temporal("count(a = 1) > 1 within 1m or b = 2")).toBe(true);
    expect(temporal("a = 1 then b = 1 within 1m")).toBe(true);
  });
});
