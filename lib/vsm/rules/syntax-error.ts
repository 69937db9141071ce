/** A parse failure, located in the source and saying what would have been accepted there. */
export interface RuleSyntaxError {
  readonly message: string;
  /** Zero-based UTF-16 offset into the source. */
  readonly offset: number;
  /** One-based line and column. */
  readonly line: number;
  readonly column: number;
  readonly expected: readonly string[];
  readonly found: string;
}

/** Thrown inside the lexer and parser and caught at their entry points, which return it as data. */
export class SyntaxFailure extends Error {
  constructor(readonly error: RuleSyntaxError) {
    super(error.message);
    this.name = "SyntaxFailure";
  }
}

export function locate(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1)
    if (source[i] === "\n") {
      line += 1;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/**
 * What a reader cannot see, or cannot tell from a plain space: control and format characters (a
 * NUL, a zero-width space, a bidi override…), default-ignorable ones and every separator but " ".
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/gu;

/** Writes invisible characters as \uXXXX escapes (UTF-16 units, as in JSON); printable text is kept. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) =>
    char === " " ? char : Array.from({ length: char.length }, (_, k) => `\\u${char.charCodeAt(k).toString(16).padStart(4, "0")}`).join(""),
  );
}

/**
 * Source text as a message shows it: a JSON string whose invisible characters are escaped too, so
 * that `\\` is a backslash, `\t` a tab and `\u200b` a zero-width space, whatever the input held.
 */
export function quote(text: string): string {
  return escapeInvisible(JSON.stringify(text));
}

/** "a", "a or b", "a, b or c". */
export function listAlternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** Builds the error; `note` adds a hint such as "keywords are lowercase". */
export function syntaxError(source: string, offset: number, expected: readonly string[], found: string, note?: string): SyntaxFailure {
  const { line, column } = locate(source, offset);
  const what = expected.length > 0 ? `expected ${listAlternatives(expected)} but found ${found}` : `unexpected ${found}`;
  const message = `line ${line}, column ${column}: ${what}${note ? ` (${note})` : ""}`;
  return new SyntaxFailure({ message, offset, line, column, expected: [...expected], found });
}
