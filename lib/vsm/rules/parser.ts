import { children, type CompareOp, type Expr, type FieldPath, type Literal } from "@/lib/vsm/rules/ast";
import { MAX_DEPTH } from "@/lib/vsm/rules/depth";
import { KEYWORDS, tokenize, type Keyword, type Token } from "@/lib/vsm/rules/lexer";
import { printField } from "@/lib/vsm/rules/printer";
import { SyntaxFailure, escapeInvisible, quote, syntaxError, type RuleSyntaxError } from "@/lib/vsm/rules/syntax-error";

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: RuleSyntaxError };

const OPERATORS = ['"="', '"!="', '">"', '">="', '"<"', '"<="'];
const DURATION = "a duration such as 5m";
const INTEGER_FORM = /^[0-9]+$/;
/**
 * Deeper nesting of parentheses, not and count is refused rather than risking the parser's own
 * call stack, which recurses about seven frames per level. The tree's depth, which long flat
 * chains of and/or/then grow without any nesting, is bounded separately by MAX_DEPTH.
 */
export const MAX_NESTING = 64;

/**
 * Parses a rule expression (grammar in docs/rules.md) by recursive descent, one function per
 * precedence level: then < or < and < not < comparison. Never throws: a syntax error comes back
 * as data with its position and what was expected there.
 */
export function parse(source: string): ParseResult {
  try {
    const parser = new Parser(source, tokenize(source));
    return { ok: true, expr: parser.parseQuery() };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ok: false, error: error.error };
  }
}

/** The token as an error message names it; text from the input is escaped so that nothing in it is invisible. */
function describe(token: Token): string {
  switch (token.kind) {
    case "field":
      return `field ${escapeInvisible(printField(token.segments))}`;
    case "keyword":
    case "op":
      return `"${token.value}"`;
    case "string":
      return `string ${quote(token.value)}`;
    case "number":
      return `number ${token.text}`;
    case "invalid":
      return quote(token.text);
    case "duration":
      return "a duration";
    case "eof":
      return "end of input";
    default:
      return `"${token.kind}"`;
  }
}

class Parser {
  private index = 0;
  private nesting = 0;
  /** Keywords that could have continued the expression just parsed: part of "expected" lists. */
  private continuations: string[] = [];
  /** Depth of each operator node built so far; a leaf, absent here, is depth 1. */
  private readonly depths = new Map<Expr, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseQuery(): Expr {
    const expr = this.thenExpr();
    if (this.peek().kind !== "eof") throw this.error([...this.continuations, "end of input"]);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private advance(): Token {
    this.continuations = [];
    return this.tokens[this.index++]!;
  }

  private error(expected: string[], note?: string, token: Token = this.peek()): SyntaxFailure {
    const found = describe(token);
    const keyword = token.kind === "field" && token.segments.length === 1 && KEYWORDS.find((k) => k === token.segments[0]!.toLowerCase());
    const hint = token.kind === "invalid" ? token.note : keyword ? "keywords are lowercase" : undefined;
    return syntaxError(this.source, token.start, expected, found, note ?? hint);
  }

  /** Consumes the keyword if it is next; otherwise notes it as a possible continuation. */
  private accept(keyword: Keyword): boolean {
    const token = this.peek();
    if (token.kind === "keyword" && token.value === keyword) {
      this.advance();
      return true;
    }
    this.continuations.push(`"${keyword}"`);
    return false;
  }

  private expectKeyword(keyword: Keyword): void {
    if (!this.accept(keyword)) throw this.error([`"${keyword}"`]);
  }

  /**
   * Returns the node just built, or refuses it at its operator if it would make the tree deeper
   * than MAX_DEPTH: chains are built by loops, so only this keeps compile, print and the rest,
   * which recurse per level, off the end of the call stack.
   */
  private deepen<T extends Expr>(operator: Token, node: T): T {
    const depth = 1 + Math.max(...children(node).map((child) => this.depths.get(child) ?? 1));
    if (depth > MAX_DEPTH)
      throw this.error([], `the rule is more than ${MAX_DEPTH} levels deep; group long and/or chains in parentheses`, operator);
    this.depths.set(node, depth);
    return node;
  }

  private thenExpr(): Expr {
    let first = this.orExpr();
    for (let operator = this.peek(); this.accept("then"); operator = this.peek()) {
      const next = this.orExpr();
      this.expectKeyword("within");
      first = this.deepen(operator, { type: "then", first, next, within: this.duration() });
    }
    return first;
  }

  private orExpr(): Expr {
    let left = this.andExpr();
    for (let operator = this.peek(); this.accept("or"); operator = this.peek())
      left = this.deepen(operator, { type: "or", left, right: this.andExpr() });
    return left;
  }

  private andExpr(): Expr {
    let left = this.unary();
    for (let operator = this.peek(); this.accept("and"); operator = this.peek())
      left = this.deepen(operator, { type: "and", left, right: this.unary() });
    return left;
  }

  private unary(): Expr {
    const token = this.peek();
    if (this.accept("not")) return this.deepen(token, { type: "not", operand: this.nested(token, () => this.unary()) });
    return this.primary();
  }

  /** Parses what `opener` (just consumed) opens, one nesting level deeper. */
  private nested<T>(opener: Token, parse: () => T): T {
    if (this.nesting >= MAX_NESTING) throw this.error([], `nested more than ${MAX_NESTING} deep`, opener);
    this.nesting += 1;
    const result = parse();
    this.nesting -= 1;
    return result;
  }

  private primary(): Expr {
    const token = this.peek();
    if (token.kind === "(") {
      this.advance();
      const inner = this.nested(token, () => this.thenExpr());
      if (this.peek().kind !== ")") throw this.error([...this.continuations, '")"']);
      this.advance();
      return inner;
    }
    if (token.kind === "keyword" && token.value === "count") return this.count();
    if (token.kind === "field") {
      this.advance();
      return this.condition(token.segments);
    }
    throw this.error(['"("', '"not"', '"count"', "a field"]);
  }

  private count(): Expr {
    const token = this.advance();
    if (this.peek().kind !== "(") throw this.error(['"("']);
    this.advance();
    const operand = this.nested(token, () => this.thenExpr());
    if (this.peek().kind !== ")") throw this.error([...this.continuations, '")"']);
    this.advance();
    const op = this.operator([]);
    const n = this.peek();
    // INTEGER is digits only: 1.0, 1e2, -0 or +1 are numbers elsewhere but not counts of events.
    const digits = n.kind === "number" && INTEGER_FORM.test(n.text);
    if (!digits || !Number.isSafeInteger(n.value))
      throw this.error(["a whole number of events"], digits ? `at most ${Number.MAX_SAFE_INTEGER}` : undefined);
    this.advance();
    this.expectKeyword("within");
    return this.deepen(token, { type: "count", operand, op, n: n.value, within: this.duration() });
  }

  private condition(field: FieldPath): Expr {
    if (this.accept("exists")) return { type: "exists", field };
    const op = this.operator(['"exists"']);
    return { type: "compare", field, op, value: this.literal() };
  }

  private operator(alternatives: string[]): CompareOp {
    const token = this.peek();
    if (token.kind !== "op") throw this.error([...OPERATORS, ...alternatives]);
    this.advance();
    return token.value;
  }

  private literal(): Literal {
    const token = this.peek();
    if (token.kind === "string" || token.kind === "number") {
      this.advance();
      return token.value;
    }
    if (token.kind === "keyword" && (token.value === "true" || token.value === "false")) {
      this.advance();
      return token.value === "true";
    }
    const note = token.kind === "field" ? `text is quoted: ${quote(token.segments.join("."))}` : undefined;
    throw this.error(["a string", "a number", '"true"', '"false"'], note);
  }

  private duration(): number {
    const token = this.peek();
    if (token.kind !== "duration") throw this.error([DURATION]);
    this.advance();
    return token.value;
  }
}
