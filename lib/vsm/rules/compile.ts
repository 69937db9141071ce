import { isTemporal, type CountExpr, type Expr, type ThenExpr } from "@/lib/vsm/rules/ast";
import { compileGetter, compileTest } from "@/lib/vsm/rules/compile-field";
import { checkDepth } from "@/lib/vsm/rules/depth";
import type { EventData } from "@/lib/vsm/rules/event";
import type { SlotKind, SlotState } from "@/lib/vsm/rules/matcher-state";
import type { Millis } from "@/lib/vsm/types";

/** Evaluates at one event; temporal nodes read and update their slot in `slots`. */
export type Step = (event: EventData, time: Millis, slots: SlotState[]) => boolean;

export interface CompiledQuery {
  readonly expr: Expr;
  readonly temporal: boolean;
  /** Kinds of the temporal slots the step function uses, in slot order. */
  readonly slots: readonly SlotKind[];
  readonly step: Step;
}

/**
 * Turns the tree, once, into nested closures. Plain sub-expressions short-circuit as usual; but
 * every temporal node must see every event to keep its window current, so an `and`/`or`/`count`
 * whose operand holds a temporal node always evaluates it. A tree deeper than MAX_DEPTH throws
 * TreeTooDeepError: building and running the closures recurses once per level.
 */
export function compile(expr: Expr): CompiledQuery {
  checkDepth(expr);
  const slots: SlotKind[] = [];
  const step = build(expr, slots);
  return { expr, temporal: slots.length > 0, slots, step };
}

/** A plain predicate for expressions without temporal forms. */
export function compilePredicate(expr: Expr): (event: EventData) => boolean {
  if (isTemporal(expr)) throw new RangeError("count and then need an event stream: use a matcher");
  const { step } = compile(expr);
  return (event) => step(event, 0, []);
}

function build(expr: Expr, slots: SlotKind[]): Step {
  switch (expr.type) {
    case "compare": {
      const get = compileGetter(expr.field);
      const test = compileTest(expr.op, expr.value);
      return (event) => test(get(event));
    }
    case "exists": {
      const get = compileGetter(expr.field);
      return (event) => get(event) != null;
    }
    case "not": {
      const operand = build(expr.operand, slots);
      return (event, time, state) => !operand(event, time, state);
    }
    case "and":
    case "or": {
      const left = build(expr.left, slots);
      const right = build(expr.right, slots);
      // The left operand always runs; the right one is skipped only when it holds no state.
      if (isTemporal(expr.right))
        return expr.type === "and"
          ? (e, t, s) => {
              const l = left(e, t, s);
              return right(e, t, s) && l;
            }
          : (e, t, s) => {
              const l = left(e, t, s);
              return right(e, t, s) || l;
            };
      return expr.type === "and" ? (e, t, s) => left(e, t, s) && right(e, t, s) : (e, t, s) => left(e, t, s) || right(e, t, s);
    }
    case "count":
      return buildCount(expr, slots);
    case "then":
      return buildThen(expr, slots);
  }
}

function buildCount(expr: CountExpr, slots: SlotKind[]): Step {
  const operand = build(expr.operand, slots);
  const slot = slots.push("count") - 1;
  const test = compileTest(expr.op, expr.n);
  // The comparison with n only depends on min(count, n + 1), so older hits beyond n + 1 are dropped.
  const keep = expr.n + 1;
  const { within } = expr;
  return (event, time, state) => {
    const hit = operand(event, time, state);
    const { times } = state[slot] as Extract<SlotState, { kind: "count" }>;
    let stale = 0;
    while (stale < times.length && time - times[stale]! > within) stale += 1;
    if (hit) times.push(time);
    const excess = Math.max(stale, times.length - keep);
    if (excess > 0) times.splice(0, excess);
    return test(times.length);
  };
}

function buildThen(expr: ThenExpr, slots: SlotKind[]): Step {
  const first = build(expr.first, slots);
  const next = build(expr.next, slots);
  const slot = slots.push("then") - 1;
  const { within } = expr;
  return (event, time, state) => {
    const memory = state[slot] as Extract<SlotState, { kind: "then" }>;
    const earlier = memory.last !== null && time - memory.last <= within;
    const now = next(event, time, state);
    if (first(event, time, state)) memory.last = time;
    return now && earlier;
  };
}
