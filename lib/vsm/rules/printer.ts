import type { Expr, FieldPath, Literal } from "@/lib/vsm/rules/ast";
import { checkDepth } from "@/lib/vsm/rules/depth";
import { formatDuration } from "@/lib/vsm/rules/duration";
import { KEYWORDS } from "@/lib/vsm/rules/lexer";

/** Binding strength, loosest first; an operand printed below its slot's strength gets parentheses. */
const STRENGTH: Record<Expr["type"], number> = { then: 0, or: 1, and: 2, not: 3, compare: 4, exists: 4, count: 4 };

const BARE_FIRST = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const BARE_NEXT = /^[A-Za-z0-9_-]+$/;

/** Backticks with JSON's escapes inside (and an escaped backtick), so any key survives a round trip. */
function quoteSegment(segment: string): string {
  return `\`${JSON.stringify(segment).slice(1, -1).replace(/`/g, "\\`")}\``;
}

export function printField(field: FieldPath): string {
  return field
    .map((segment, i) => {
      if (i > 0) return BARE_NEXT.test(segment) ? segment : quoteSegment(segment);
      // A lone keyword would read as the keyword; in a longer path it is an ordinary segment.
      const keyword = field.length === 1 && (KEYWORDS as readonly string[]).includes(segment);
      return BARE_FIRST.test(segment) && !keyword ? segment : quoteSegment(segment);
    })
    .join(".");
}

export function printLiteral(value: Literal): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * The canonical text of an expression, with only the parentheses its structure needs, so that
 * parsing the text gives back the same tree (left-nested and/or/then print without parentheses).
 * A tree deeper than MAX_DEPTH throws TreeTooDeepError, as it would not parse back anyway.
 */
export function print(expr: Expr): string {
  checkDepth(expr);
  return printAt(expr, 0);
}

function printAt(expr: Expr, strength: number): string {
  const text = printNode(expr);
  return STRENGTH[expr.type] < strength ? `(${text})` : text;
}

function printNode(expr: Expr): string {
  switch (expr.type) {
    case "compare":
      return `${printField(expr.field)} ${expr.op} ${printLiteral(expr.value)}`;
    case "exists":
      return `${printField(expr.field)} exists`;
    case "not":
      return `not ${printAt(expr.operand, STRENGTH.not)}`;
    case "and":
      return `${printAt(expr.left, STRENGTH.and)} and ${printAt(expr.right, STRENGTH.and + 1)}`;
    case "or":
      return `${printAt(expr.left, STRENGTH.or)} or ${printAt(expr.right, STRENGTH.or + 1)}`;
    case "then":
      return `${printAt(expr.first, STRENGTH.then)} then ${printAt(expr.next, STRENGTH.then + 1)} within ${formatDuration(expr.within)}`;
    case "count":
      return `count(${printAt(expr.operand, 0)}) ${expr.op} ${expr.n} within ${formatDuration(expr.within)}`;
  }
}
