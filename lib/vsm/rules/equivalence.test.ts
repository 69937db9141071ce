import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPARE_OPS, isTemporal, type Expr, type FieldPath, type Literal } from "@/lib/vsm/rules/ast";
import { compile, compilePredicate } from "@/lib/vsm/rules/compile";
import type { EventData, TimedEvent } from "@/lib/vsm/rules/event";
import { evaluateAt, interpret } from "@/lib/vsm/rules/interpret";
import { createMatcher } from "@/lib/vsm/rules/matcher";
import type { MatcherState } from "@/lib/vsm/rules/matcher-state";

/**
 * The compiled closures and the stateful matcher must agree with the tree-walking interpreter —
 * the definition of the language — on random queries over random events and streams. Fields,
 * literals and values come from small pools so that comparisons hit, miss and mismatch in type
 * often, and times advance in small steps (ties included) so windows open and close.
 */

const fields: FieldPath[] = [
  ["a"],
  ["b"],
  ["labels", "severity"],
  ["labels", "0"],
  ["items", "0"],
  ["items", "1", "x"],
  ["items", "length"],
  ["constructor"],
];
const strings = ["x", "y", "critical", ""];
const numbers = [-1, 0, 1, 2.5];

const field = fc.constantFrom(...fields);
const literal: fc.Arbitrary<Literal> = fc.oneof(fc.constantFrom(...strings), fc.constantFrom(...numbers), fc.boolean());
const op = fc.constantFrom(...COMPARE_OPS);
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({ type: fc.constant("compare" as const), field, op, value: literal }),
  fc.record({ type: fc.constant("exists" as const), field }),
);

function exprs(temporal: boolean): fc.Arbitrary<Expr> {
  return fc.letrec<{ expr: Expr }>((tie) => {
    const sub = tie("expr");
    const plain = [
      fc.record({ type: fc.constant("and" as const), left: sub, right: sub }),
      fc.record({ type: fc.constant("or" as const), left: sub, right: sub }),
      fc.record({ type: fc.constant("not" as const), operand: sub }),
    ];
    const window = fc.integer({ min: 0, max: 6 });
    const timed = [
      fc.record({ type: fc.constant("count" as const), operand: sub, op, n: fc.integer({ min: 0, max: 4 }), within: window }),
      fc.record({ type: fc.constant("then" as const), first: sub, next: sub, within: window }),
    ];
    return { expr: fc.oneof({ maxDepth: 4, depthIdentifier: "expr" }, leaf, ...plain, ...(temporal ? timed : [])) };
  }).expr;
}

const scalar = fc.oneof(fc.constantFrom<unknown>(...strings, ...numbers, NaN, null), fc.boolean());
const nested = fc.oneof(scalar, fc.record({ x: scalar }, { requiredKeys: [] }));
const value = fc.oneof(
  scalar,
  fc.array(nested, { maxLength: 3 }),
  fc.record({ severity: scalar, "0": nested, "1": nested, x: scalar }, { requiredKeys: [] }),
);
const event: fc.Arbitrary<EventData> = fc.record(
  { a: value, b: value, labels: value, items: value, constructor: scalar },
  { requiredKeys: [] },
);

const stream: fc.Arbitrary<TimedEvent[]> = fc
  .array(fc.record({ step: fc.integer({ min: 0, max: 3 }), event }), { maxLength: 24 })
  .map((items) => {
    let time = 1_000;
    return items.map(({ step, event: e }) => ({ time: (time += step), event: e }));
  });

describe("compiled ≡ interpreted", () => {
  it("agrees on plain expressions over single events", () => {
    fc.assert(
      fc.property(exprs(false), fc.array(event, { maxLength: 8 }), (expr, events) => {
        const predicate = compilePredicate(expr);
        for (const e of events) expect(predicate(e)).toBe(interpret(expr, e));
      }),
      { numRuns: 2_000 },
    );
  });

  it("agrees on temporal expressions at every event of a stream", () => {
    fc.assert(
      fc.property(exprs(true), stream, (expr, events) => {
        const matcher = createMatcher(compile(expr));
        events.forEach(({ time, event: e }, i) => expect(matcher.push(e, time)).toBe(evaluateAt(expr, events, i)));
      }),
      { numRuns: 1_500 },
    );
  });

  it("resumes from JSON-saved state as if it had never stopped", () => {
    fc.assert(
      fc.property(exprs(true), stream, fc.nat(), (expr, events, cut) => {
        const query = compile(expr);
        const split = events.length === 0 ? 0 : cut % events.length;
        const first = createMatcher(query);
        for (const { time, event: e } of events.slice(0, split)) first.push(e, time);
        const resumed = createMatcher(query, JSON.parse(JSON.stringify(first.state)) as MatcherState);
        events.slice(split).forEach(({ time, event: e }, i) => expect(resumed.push(e, time)).toBe(evaluateAt(expr, events, split + i)));
      }),
      { numRuns: 500 },
    );
  });

  it("generates both kinds of query, and streams where temporal forms fire", () => {
    const samples = fc.sample(exprs(true), { numRuns: 300, seed: 7 });
    expect(samples.some(isTemporal)).toBe(true);
    expect(samples.some((e) => !isTemporal(e))).toBe(true);
    const firing = fc.sample(fc.tuple(exprs(true), stream), { numRuns: 300, seed: 7 }).filter(([expr, events]) => {
      if (!isTemporal(expr)) return false;
      const matcher = createMatcher(compile(expr));
      return events.some(({ time, event: e }) => matcher.push(e, time));
    });
    expect(firing.length).toBeGreaterThan(20);
  });
});
