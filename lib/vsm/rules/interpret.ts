import type { CompareOp, Expr, Literal } from "@/lib/vsm/rules/ast";
import { checkDepth } from "@/lib/vsm/rules/depth";
import type { EventData, TimedEvent } from "@/lib/vsm/rules/event";
import { resolveField } from "@/lib/vsm/rules/field-path";

/**
 * The reference semantics of the language, read straight off the tree: slow but obvious, and the
 * oracle the compiled matcher is tested against.
 *
 * Comparisons hold only for a string, number or boolean field: a missing, null, object or array
 * field fails every comparison (`!=` included). `=` needs the same type and value (no coercion);
 * `!=` is its negation; ordering compares two numbers or two strings, and fails otherwise.
 */
export function compareValues(op: CompareOp, actual: unknown, expected: Literal): boolean {
  if (typeof actual !== "string" && typeof actual !== "number" && typeof actual !== "boolean") return false;
  const equal = typeof actual === typeof expected && actual === expected;
  switch (op) {
    case "=":
      return equal;
    case "!=":
      return !equal;
    default:
      if (typeof actual !== typeof expected || typeof actual === "boolean") return false;
      if (op === ">") return actual > expected;
      if (op === ">=") return actual >= expected;
      if (op === "<") return actual < expected;
      return actual <= expected;
  }
}

/**
 * Whether the expression holds at event `index` of a time-ordered stream. `count` counts the
 * events j ≤ index with time[index] − time[j] ≤ window where its operand holds; `a then b` holds
 * when b holds at index and a held at some earlier event j < index within the window. A tree
 * deeper than MAX_DEPTH throws TreeTooDeepError, since the walk recurses once per level.
 */
export function evaluateAt(expr: Expr, stream: readonly TimedEvent[], index: number): boolean {
  checkDepth(expr);
  return holdsAt(expr, stream, index);
}

function holdsAt(expr: Expr, stream: readonly TimedEvent[], index: number): boolean {
  const current = stream[index]!;
  switch (expr.type) {
    case "compare":
      return compareValues(expr.op, resolveField(current.event, expr.field), expr.value);
    case "exists":
      return resolveField(current.event, expr.field) != null;
    case "not":
      return !holdsAt(expr.operand, stream, index);
    case "and":
      return holdsAt(expr.left, stream, index) && holdsAt(expr.right, stream, index);
    case "or":
      return holdsAt(expr.left, stream, index) || holdsAt(expr.right, stream, index);
    case "count": {
      let count = 0;
      for (let j = 0; j <= index; j += 1) if (current.time - stream[j]!.time <= expr.within && holdsAt(expr.operand, stream, j)) count += 1;
      return compareValues(expr.op, count, expr.n);
    }
    case "then": {
      if (!holdsAt(expr.next, stream, index)) return false;
      for (let j = 0; j < index; j += 1) if (current.time - stream[j]!.time <= expr.within && holdsAt(expr.first, stream, j)) return true;
      return false;
    }
  }
}

/** The expression on one event alone (a stream of one: counts see only it, `then` never holds). */
export function interpret(expr: Expr, event: EventData): boolean {
  return evaluateAt(expr, [{ time: 0, event }], 0);
}
