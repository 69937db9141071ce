import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/vsm/rules/ast";
import { compile, compilePredicate } from "@/lib/vsm/rules/compile";
import { compileGetter, compileTest } from "@/lib/vsm/rules/compile-field";
import type { EventData } from "@/lib/vsm/rules/event";
import { createMatcher } from "@/lib/vsm/rules/matcher";
import { parse } from "@/lib/vsm/rules/parser";
import { MINUTE } from "@/lib/vsm/types";

const expr = (source: string): Expr => {
  const result = parse(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
};

describe("compileGetter and compileTest", () => {
  it("reads own keys and array indices at any depth", () => {
    const event = { a: { b: { c: [10, { d: "deep" }] } }, list: [1, 2], "0": "zero" };
    expect(compileGetter(["a", "b", "c", "1", "d"])(event)).toBe("deep");
    expect(compileGetter(["a", "x", "c", "1"])(event)).toBeUndefined();
    expect(compileGetter(["list", "1"])(event)).toBe(2);
    expect(compileGetter(["list", "length"])(event)).toBeUndefined();
    expect(compileGetter(["0"])(event)).toBe("zero");
    expect(compileGetter(["0"])(null)).toBeUndefined();
    expect(compileGetter(["toString"])(event)).toBeUndefined();
  });

  it("specialises each operator to the literal's type", () => {
    expect(compileTest(">", 5)(6)).toBe(true);
    expect(compileTest(">", 5)("6")).toBe(false);
    expect(compileTest(">=", "b")("b")).toBe(true);
    expect(compileTest("<", "b")("a")).toBe(true);
    expect(compileTest("<=", 1)(2)).toBe(false);
    expect(compileTest(">", false)(true)).toBe(false);
    expect(compileTest("!=", "x")(undefined)).toBe(false);
    expect(compileTest("!=", "x")(5)).toBe(true);
    expect(compileTest("=", true)(true)).toBe(true);
  });
});

describe("compilePredicate", () => {
  it("compiles plain expressions once into a predicate", () => {
    const critical = compilePredicate(expr('labels.severity = "critical" and not labels.team exists'));
    expect(critical({ labels: { severity: "critical" } })).toBe(true);
    expect(critical({ labels: { severity: "critical", team: "sre" } })).toBe(false);
    expect(critical({})).toBe(false);
    const either = compilePredicate(expr("a = 1 or b = 2"));
    expect([either({ a: 1 }), either({ b: 2 }), either({ a: 2 })]).toEqual([true, true, false]);
  });

  it("refuses temporal forms, which need a stream", () => {
    expect(() => compilePredicate(expr("count(a = 1) > 1 within 1m"))).toThrow(RangeError);
    expect(compile(expr("a = 1")).temporal).toBe(false);
  });
});

describe("matcher", () => {
  const pain = { kind: "signal", valence: "pain" };
  const calm = { kind: "signal", valence: "pleasure" };

  it('fires on "3 pain signals within 10m" and forgets pain older than the window', () => {
    const matcher = createMatcher(compile(expr('count(valence = "pain") >= 3 within 10m')));
    const fired = [0, 1, 4, 9, 10, 21].map((minute, i) => matcher.push(i === 1 ? calm : pain, minute * MINUTE));
    expect(fired).toEqual([false, false, false, true, true, false]);
  });

  it("keeps only the n + 1 latest hits a count can need", () => {
    const matcher = createMatcher(compile(expr("count(a = 1) > 2 within 1h")));
    for (let i = 0; i < 50; i += 1) matcher.push({ a: 1 }, i * MINUTE);
    expect(matcher.state.slots).toEqual([{ kind: "count", times: [47, 48, 49].map((m) => m * MINUTE) }]);
  });

  it('fires on "deploy then error-rate spike within 15m" at the spike only', () => {
    const matcher = createMatcher(compile(expr('type = "deploy" then indicator = "error-rate" and value > 3 within 15m')));
    const events: [number, EventData][] = [
      [0, { type: "deploy" }],
      [10, { indicator: "error-rate", value: 2 }],
      [14, { indicator: "error-rate", value: 4 }],
      [40, { indicator: "error-rate", value: 5 }],
    ];
    expect(events.map(([minute, event]) => matcher.push(event, minute * MINUTE))).toEqual([false, false, true, false]);
    expect(matcher.state).toEqual({ lastTime: 40 * MINUTE, slots: [{ kind: "then", last: 0 }] });
  });

  it("keeps every temporal operand current, even where and/or could short-circuit", () => {
    const query = compile(expr("x = 1 and count(y = 1) >= 2 within 1h or count(y = 1) >= 3 within 1h and x = 1"));
    const matcher = createMatcher(query);
    expect([matcher.push({ y: 1 }, 0), matcher.push({ y: 1 }, 1), matcher.push({ x: 1, y: 1 }, 2)]).toEqual([false, false, true]);
    expect(matcher.state.slots).toEqual([
      { kind: "count", times: [0, 1, 2] },
      { kind: "count", times: [0, 1, 2] },
    ]);
  });

  it("resumes from saved plain-data state exactly", () => {
    const query = compile(expr('count(valence = "pain") >= 3 within 10m'));
    const first = createMatcher(query);
    first.push(pain, 0);
    first.push(pain, MINUTE);
    const saved = JSON.parse(JSON.stringify(first.state)) as typeof first.state;
    expect(createMatcher(query, saved).push(pain, 2 * MINUTE)).toBe(true);
    expect(() => createMatcher(compile(expr("a = 1 then b = 1 within 1m")), saved)).toThrow(
      new RangeError("the saved matcher state belongs to a different query"),
    );
    expect(() => createMatcher(compile(expr("a = 1")), saved)).toThrow(RangeError);
  });

  it("refuses events out of time order or without a finite time", () => {
    const matcher = createMatcher(compile(expr("a = 1")));
    expect(matcher.push({ a: 1 }, 5)).toBe(true);
    expect(matcher.push({ a: 1 }, 5)).toBe(true);
    expect(() => matcher.push({ a: 1 }, 4)).toThrow(new RangeError("events must arrive in time order: 4 is before 5"));
    expect(() => matcher.push({ a: 1 }, NaN)).toThrow(RangeError);
  });
});
