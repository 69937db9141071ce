import type { Millis } from "@/lib/vsm/types";

/**
 * The syntax tree of the event-rule language (docs/rules.md). Plain data without source
 * positions, so two queries that mean the same compare equal and a tree can be stored as JSON.
 */

export type Literal = string | number | boolean;

export const COMPARE_OPS = ["=", "!=", ">", ">=", "<", "<="] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** Segments of a dotted path into an event, e.g. ["labels", "severity"]. */
export type FieldPath = readonly string[];

export interface CompareExpr {
  readonly type: "compare";
  readonly field: FieldPath;
  readonly op: CompareOp;
  readonly value: Literal;
}

export interface ExistsExpr {
  readonly type: "exists";
  readonly field: FieldPath;
}

export interface AndExpr {
  readonly type: "and";
  readonly left: Expr;
  readonly right: Expr;
}

export interface OrExpr {
  readonly type: "or";
  readonly left: Expr;
  readonly right: Expr;
}

export interface NotExpr {
  readonly type: "not";
  readonly operand: Expr;
}

/** `count(operand) op n within window`: events in the window (this one included) where operand held. */
export interface CountExpr {
  readonly type: "count";
  readonly operand: Expr;
  readonly op: CompareOp;
  readonly n: number;
  readonly within: Millis;
}

/** `first then next within window`: next holds now, and first held at an earlier event in the window. */
export interface ThenExpr {
  readonly type: "then";
  readonly first: Expr;
  readonly next: Expr;
  readonly within: Millis;
}

export type Expr = CompareExpr | ExistsExpr | AndExpr | OrExpr | NotExpr | CountExpr | ThenExpr;

/** The operands of a node: none for a comparison or `exists`. */
export function children(expr: Expr): readonly Expr[] {
  switch (expr.type) {
    case "compare":
    case "exists":
      return [];
    case "not":
    case "count":
      return [expr.operand];
    case "and":
    case "or":
      return [expr.left, expr.right];
    case "then":
      return [expr.first, expr.next];
  }
}

/**
 * Whether the expression needs history (a count or then anywhere inside it). A loop rather than
 * recursion, so that it answers for any tree, even one too deep to compile.
 */
export function isTemporal(expr: Expr): boolean {
  const pending: Expr[] = [expr];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === "count" || node.type === "then") return true;
    pending.push(...children(node));
  }
  return false;
}
