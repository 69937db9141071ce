import { children, type Expr } from "@/lib/vsm/rules/ast";

/**
 * The deepest tree the language accepts. A comparison or `exists` is depth 1; each `and`, `or`,
 * `not`, `count` and `then` adds one above its deepest operand (parentheses add none), so a chain
 * of k conditions joined by `and` is k deep. Every stage after parsing — compile, the compiled
 * closures, interpret, print, JSON.stringify, deep equality — recurses once or more per level. The
 * shallowest of them, Node's util.isDeepStrictEqual, overflows a default stack at about 1,400
 * levels (JSON.stringify at about 4,100, compile and print beyond 4,500), so 256 leaves over five
 * times that room for whatever is already on the caller's stack, and still allows far longer
 * chains than a readable rule holds; longer and/or lists can be grouped in parentheses.
 */
export const MAX_DEPTH = 256;

/** A tree deeper than MAX_DEPTH, refused where a tree enters compile, print or interpret. */
export class TreeTooDeepError extends Error {
  constructor() {
    super(`the rule tree is more than ${MAX_DEPTH} levels deep; parse refuses such rules, and so do compile, print and interpret`);
    this.name = "TreeTooDeepError";
  }
}

/**
 * Whether some path from the root holds more than `limit` nodes. It walks with an explicit stack,
 * never recursion, so a hand-built tree of any depth is measured safely; and it stops as soon as a
 * path is too long, which also ends the walk on a cyclic object graph.
 */
export function deeperThan(root: Expr, limit: number): boolean {
  const pending: [Expr, number][] = [[root, 1]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [node, depth] = item;
    if (depth > limit) return true;
    for (const child of children(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Throws TreeTooDeepError for a tree deeper than MAX_DEPTH, such as one built by hand or read from JSON. */
export function checkDepth(expr: Expr): void {
  if (deeperThan(expr, MAX_DEPTH)) throw new TreeTooDeepError();
}
