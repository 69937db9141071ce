import { describe, expect, it } from "vitest";
import { tokenize, type Token } from "@/lib/vsm/rules/lexer";
import { SyntaxFailure } from "@/lib/vsm/rules/syntax-error";
import { HOUR, MINUTE } from "@/lib/vsm/types";

const kinds = (source: string) =>
  tokenize(source).map((t: Token) =>
    "value" in t
      ? `${t.kind}:${String(t.value)}`
      : "segments" in t
        ? `field:${t.segments.join("|")}`
        : "text" in t
          ? `invalid:${t.text}`
          : t.kind,
  );

function failure(source: string) {
  try {
    tokenize(source);
  } catch (error) {
    if (error instanceof SyntaxFailure) return error.error;
    throw error;
  }
  throw new Error(`"${source}" lexed without error`);
}

describe("tokenize", () => {
  it("reads fields, keywords, literals, operators and parentheses with their spans", () => {
    expect(kinds('labels.severity = "critical" and not (n >= -2.5e3)')).toEqual([
      "field:labels|severity",
      "op:=",
      "string:critical",
      "keyword:and",
      "keyword:not",
      "(",
      "field:n",
      "op:>=",
      "number:-2500",
      ")",
      "eof",
    ]);
    expect(tokenize("a != 1")[1]).toEqual({ kind: "op", value: "!=", start: 2, end: 4 });
    expect(kinds("a<1 b<=2 c>3 d=4")).toContain("op:<=");
    expect(kinds("a<1")).toEqual(["field:a", "op:<", "number:1", "eof"]);
  });

  it("reads durations in ms, s, m, h and d", () => {
    expect(kinds("500ms 90s 5m 2h 1d")).toEqual([
      "duration:500",
      "duration:90000",
      `duration:${5 * MINUTE}`,
      `duration:${2 * HOUR}`,
      "duration:86400000",
      "eof",
    ]);
  });

  it("reads path segments that are digits, hyphenated or quoted with backticks", () => {
    expect(kinds("items.0.name labels.5xx-rate `app.kubernetes.io/name` a.`b\\`c`")).toEqual([
      "field:items|0|name",
      "field:labels|5xx-rate",
      "field:app.kubernetes.io/name",
      "field:a|b`c",
      "eof",
    ]);
    expect(kinds("count.x `and` not.y")).toEqual(["field:count|x", "field:and", "field:not|y", "eof"]);
    expect(kinds("`line\\nbreak\\u0041`")).toEqual(["field:line\nbreakA", "eof"]);
  });

  it("reads string escapes in either quote, and skips comments", () => {
    expect(kinds(`'it\\'s' "a\\"b\\\\c\\n\\t\\u00e9\\/\\b\\f\\r" # a comment\n true`)).toEqual([
      "string:it's",
      'string:a"b\\c\n\té/\b\f\r',
      "keyword:true",
      "eof",
    ]);
  });

  it("locates what it cannot read and says what to write instead", () => {
    expect(failure('a = "open')).toMatchObject({
      offset: 9,
      line: 1,
      column: 10,
      expected: ['"'],
      found: "end of input",
      message: 'line 1, column 10: expected " but found end of input (the string opened at line 1, column 5 is not closed)',
    });
    expect(failure("a = 1 and\nb = 'x\nc")).toMatchObject({ line: 2, column: 7, found: "end of line" });
    expect(failure("a == 1").message).toBe('line 1, column 3: unexpected "==" (equality is written "=")');
    expect(failure("a = 1 && b = 2").message).toBe('line 1, column 7: unexpected "&&" (write "and")');
    expect(failure("a = 1 || b = 2").message).toContain('(write "or")');
    expect(failure("!a").message).toBe('line 1, column 1: unexpected "!" (write "!=" or "not")');
    expect(failure("a = @").message).toBe('line 1, column 5: unexpected "@"');
    expect(failure('a = "\\x"').message).toBe('line 1, column 6: unexpected "\\\\x" (not an escape in a string)');
    expect(failure('a = "\\u12"').found).toBe('"\\\\u"');
    expect(failure("`a\\x`").message).toContain("not an escape in a quoted field name");
    expect(failure("labels. = 1")).toMatchObject({ offset: 7, expected: ["a field name"], found: '" "' });
    expect(failure("labels.")).toMatchObject({ found: "end of input" });
  });

  it("shows invisible characters in messages as escapes, and printable ones whole", () => {
    expect(failure("a = \u200b")).toMatchObject({ found: '"\\u200b"', message: 'line 1, column 5: unexpected "\\u200b"' });
    expect(failure("a = \u202e").found).toBe('"\\u202e"');
    expect(failure("a = \u0000").found).toBe('"\\u0000"');
    expect(failure("labels.\u00a0").found).toBe('"\\u00a0"');
    expect(failure("a = \u{e0041}").found).toBe('"\\udb40\\udc41"');
    expect(failure('a = "\\\t"').found).toBe('"\\\\\\t"');
    expect(failure("`a\\\u200b`").found).toBe('"\\\\\\u200b"');
    expect(failure('a = "\\').found).toBe('"\\\\"');
    expect(failure("labels.\u2028").found).toBe('"\\u2028"');
    expect(failure("a = 😀").found).toBe('"😀"');
    expect(failure("a = é").found).toBe('"é"');
    expect(failure("labels.😀").message).toBe("line 1, column 8: expected a field name but found \"😀\" (after '.' in a field path)");
  });

  it("keeps the text of numbers, whose form decides where they may stand", () => {
    expect(tokenize("1.0 -0 1E+2 007")).toMatchObject([
      { kind: "number", value: 1, text: "1.0", start: 0, end: 3 },
      { kind: "number", value: -0, text: "-0" },
      { kind: "number", value: 100, text: "1E+2" },
      { kind: "number", value: 7, text: "007" },
      { kind: "eof" },
    ]);
  });

  it("reads a word that starts like a number but is none as one invalid token, for the parser to place", () => {
    const note = "a duration is a whole number followed by ms, s, m, h or d, e.g. 90s";
    expect(tokenize("within 5x")[1]).toEqual({ kind: "invalid", text: "5x", note, start: 7, end: 9 });
    expect(kinds("1.5m 1e3s -5m 5M 05m")).toEqual(["invalid:1.5m", "invalid:1e3s", "invalid:-5m", "invalid:5M", "duration:300000", "eof"]);
    expect(kinds("+1 0x10 1_000 .5 1. 1.e5 1e+ 2.5.1")).toEqual([
      "invalid:+1",
      "invalid:0x10",
      "invalid:1_000",
      "invalid:.5",
      "invalid:1.",
      "invalid:1.e5",
      "invalid:1e+",
      "invalid:2.5.1",
      "eof",
    ]);
    expect(tokenize("0x10")[0]).toMatchObject({ note: undefined });
    expect(tokenize("99999999999999d")[0]).toMatchObject({ kind: "invalid", note: "duration too long" });
    expect(tokenize("1e999")[0]).toMatchObject({ kind: "invalid", note: "number too large" });
    expect(kinds("a=-1)")).toEqual(["field:a", "op:=", "number:-1", ")", "eof"]);
    expect(failure("a = + 1").found).toBe('"+"');
  });
});
