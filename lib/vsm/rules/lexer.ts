import type { CompareOp } from "@/lib/vsm/rules/ast";
import { unitMillis } from "@/lib/vsm/rules/duration";
import { locate, quote, syntaxError } from "@/lib/vsm/rules/syntax-error";

export const KEYWORDS = ["and", "or", "not", "exists", "count", "then", "within", "true", "false"] as const;
export type Keyword = (typeof KEYWORDS)[number];

interface Span {
  readonly start: number;
  readonly end: number;
}

export type Token = Span &
  (
    | { readonly kind: "field"; readonly segments: string[] }
    | { readonly kind: "keyword"; readonly value: Keyword }
    | { readonly kind: "string"; readonly value: string }
    /** `text` as written, since the count and the literal accept different forms of a number. */
    | { readonly kind: "number"; readonly value: number; readonly text: string }
    | { readonly kind: "duration"; readonly value: number }
    /** A word that starts like a number but is none; the parser reports it with what it expected there. */
    | { readonly kind: "invalid"; readonly text: string; readonly note?: string }
    | { readonly kind: "op"; readonly value: CompareOp }
    | { readonly kind: "(" | ")" | "eof" }
  );

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const DIGIT = /[0-9]/;
/** What may continue a number-like word (an exponent's sign is allowed right after the "e"). */
const WORD_PART = /[0-9A-Za-z_.]/;
/** NUMBER and DURATION of the grammar in docs/rules.md, exactly. */
const NUMBER_FORM = /^-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;
const DURATION_FORM = /^([0-9]+)([a-z]+)$/;
const DURATION_NOTE = "a duration is a whole number followed by ms, s, m, h or d, e.g. 90s";
/** JSON's escapes, plus \' so single-quoted strings can hold a quote; \uXXXX is read separately. */
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "'": "'", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const FIELD_ESCAPES: Readonly<Record<string, string>> = { ...ESCAPES, "`": "`" };

/** Splits a rule into tokens; throws SyntaxFailure at the first character that fits no token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number) => source[k] ?? "";
  const fail = (offset: number, expected: string[], found: string, note?: string) => syntaxError(source, offset, expected, found, note);

  const readWhile = (pattern: RegExp) => {
    const start = i;
    while (pattern.test(at(i))) i += 1;
    return source.slice(start, i);
  };

  const readQuoted = (closer: string, escapes: Readonly<Record<string, string>>, what: string): string => {
    const start = i;
    i += 1;
    let value = "";
    for (;;) {
      const char = at(i);
      if (char === "" || char === "\n") {
        const opened = locate(source, start);
        throw fail(i, [closer], describeAt(source, i), `the ${what} opened at line ${opened.line}, column ${opened.column} is not closed`);
      }
      i += 1;
      if (char === closer) return value;
      if (char !== "\\") {
        value += char;
        continue;
      }
      const escape = at(i);
      if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) {
        value += String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16));
        i += 5;
      } else if (Object.hasOwn(escapes, escape)) {
        value += escapes[escape];
        i += 1;
      } else throw fail(i - 1, [], quote(`\\${wholeCharAt(source, i)}`), `not an escape in a ${what}`);
    }
  };

  // After the first segment (which starts like an identifier), a segment may also start with a
  // digit, so that array elements and keys such as `5xx` need no quotes.
  const readSegment = (): string => (at(i) === "`" ? readQuoted("`", FIELD_ESCAPES, "quoted field name") : readWhile(IDENT_PART));

  // A number or duration is read as one word, up to the first character that cannot continue it,
  // and classified afterwards: "1.5m", "0x10" or "+1" then fail as a whole at their start, and the
  // parser, which knows whether a count, a duration or a literal was due, says what was expected.
  const readNumeric = (start: number): Token => {
    i = start + 1;
    while (WORD_PART.test(at(i)) || (/[-+]/.test(at(i)) && /[eE]/.test(at(i - 1)))) i += 1;
    return numericToken(source.slice(start, i), start, i);
  };

  while (i < source.length) {
    const char = at(i);
    const start = i;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "#") {
      while (i < source.length && at(i) !== "\n") i += 1;
    } else if (char === "(" || char === ")") {
      i += 1;
      tokens.push({ kind: char, start, end: i });
    } else if (char === '"' || char === "'") {
      const value = readQuoted(char, ESCAPES, "string");
      tokens.push({ kind: "string", value, start, end: i });
    } else if (DIGIT.test(char) || (/[-+.]/.test(char) && DIGIT.test(at(i + 1)))) {
      tokens.push(readNumeric(start));
    } else if (IDENT_START.test(char) || char === "`") {
      const segments = [readSegment()];
      while (at(i) === ".") {
        if (!IDENT_PART.test(at(i + 1)) && at(i + 1) !== "`")
          throw fail(i + 1, ["a field name"], describeAt(source, i + 1), "after '.' in a field path");
        i += 1;
        segments.push(readSegment());
      }
      const bare = source.slice(start, i);
      const keyword = KEYWORDS.find((k) => k === bare);
      tokens.push(keyword ? { kind: "keyword", value: keyword, start, end: i } : { kind: "field", segments, start, end: i });
    } else {
      tokens.push(readOperator(source, start, fail));
      i = tokens.at(-1)!.end;
    }
  }
  tokens.push({ kind: "eof", start: source.length, end: source.length });
  return tokens;
}

/** A number-like word as NUMBER, DURATION or, failing both, an invalid token with a hint. */
function numericToken(text: string, start: number, end: number): Token {
  if (NUMBER_FORM.test(text)) {
    const value = Number(text);
    return Number.isFinite(value)
      ? { kind: "number", value, text, start, end }
      : { kind: "invalid", text, note: "number too large", start, end };
  }
  const [, digits, unitName] = DURATION_FORM.exec(text) ?? [];
  const unit = unitName === undefined ? undefined : unitMillis(unitName);
  // A word ending in a letter ("1.5m", "5x") was most likely meant as a duration.
  if (unit === undefined) return { kind: "invalid", text, note: /[A-Za-z]$/.test(text) ? DURATION_NOTE : undefined, start, end };
  const value = Number(digits) * unit;
  return Number.isSafeInteger(value)
    ? { kind: "duration", value, start, end }
    : { kind: "invalid", text, note: "duration too long", start, end };
}

/** The whole character at `offset` (an emoji is two UTF-16 units), or "" at the end. */
function wholeCharAt(source: string, offset: number): string {
  const code = source.codePointAt(offset);
  return code === undefined ? "" : String.fromCodePoint(code);
}

/** The character at `offset` as a message names it: whole, quoted and with invisible ones escaped. */
export function describeAt(source: string, offset: number): string {
  const char = wholeCharAt(source, offset);
  return char === "" ? "end of input" : char === "\n" ? "end of line" : quote(char);
}

type Fail = (offset: number, expected: string[], found: string, note?: string) => Error;

function readOperator(source: string, start: number, fail: Fail): Token {
  const two = source.slice(start, start + 2);
  if (two === "!=" || two === ">=" || two === "<=") return { kind: "op", value: two, start, end: start + 2 };
  if (two === "==") throw fail(start, [], '"=="', 'equality is written "="');
  if (two === "&&" || two === "||") throw fail(start, [], JSON.stringify(two), `write "${two === "&&" ? "and" : "or"}"`);
  const char = source[start]!;
  if (char === "=" || char === ">" || char === "<") return { kind: "op", value: char, start, end: start + 1 };
  if (char === "!") throw fail(start, [], '"!"', 'write "!=" or "not"');
  throw fail(start, [], describeAt(source, start));
}
