import { describe, expect, it } from "vitest";
import { evaluateRule } from "@/lib/vsm/rules/evaluate-rule";
import type { TimedEvent } from "@/lib/vsm/rules/event";
import { createMatcher } from "@/lib/vsm/rules/matcher";
import { compileRule, ruleSchema, type CompiledRule, type Rule } from "@/lib/vsm/rules/rule";
import { MINUTE } from "@/lib/vsm/types";

function compiled(rule: Rule): CompiledRule {
  const result = compileRule(rule);
  if (!result.ok) throw new Error(result.error.message);
  return result.compiled;
}

const at = (minute: number, event: Record<string, unknown>): TimedEvent => ({ time: minute * MINUTE, event });

describe("ruleSchema", () => {
  it("accepts a rule that raises or annotates", () => {
    const raise = {
      name: "Pain burst",
      when: 'count(valence = "pain") >= 3 within 10m',
      action: { raise: { kind: "pain-burst", severity: "critical" } },
    };
    expect(ruleSchema.parse(raise)).toEqual(raise);
    expect(ruleSchema.safeParse({ name: "n", when: "a exists", action: { annotate: "deploy seen" } }).success).toBe(true);
  });

  it("reports a syntax error in `when` at that field, with its position", () => {
    const result = ruleSchema.safeParse({ name: "bad", when: "a = ", action: { annotate: "x" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["when"],
        message: 'line 1, column 5: expected a string, a number, "true" or "false" but found end of input',
      }),
    ]);
  });

  it("rejects unknown actions, severities and fields", () => {
    const base = { name: "n", when: "a exists" };
    expect(ruleSchema.safeParse({ ...base, action: { page: "x" } }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...base, action: { raise: { kind: "k", severity: "fatal" } } }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...base, action: { raise: { kind: "k", valence: "joy" } } }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...base, action: { annotate: "x" }, extra: 1 }).success).toBe(false);
    expect(ruleSchema.safeParse({ ...base, name: " ", action: { annotate: "x" } }).success).toBe(false);
  });
});

describe("compileRule", () => {
  it("returns the syntax error as data", () => {
    expect(compileRule({ name: "n", when: "a = 1 b", action: { annotate: "x" } })).toEqual({
      ok: false,
      error: expect.objectContaining({ line: 1, column: 7, found: "field b" }),
    });
  });
});

describe("evaluateRule", () => {
  it("raises a signal at each event where an Alertmanager alert matches", () => {
    const rule = compiled({
      name: "Critical alert",
      when: 'status = "firing" and labels.severity = "critical"',
      action: { raise: { kind: "alert", valence: "pain", severity: "critical" } },
    });
    const alerts = [
      at(0, { status: "firing", labels: { severity: "warning" } }),
      at(1, { status: "firing", labels: { severity: "critical" } }),
      at(2, { status: "resolved", labels: { severity: "critical" } }),
    ];
    expect([...evaluateRule(rule, alerts)]).toEqual([
      {
        rule: "Critical alert",
        index: 1,
        time: MINUTE,
        event: alerts[1]!.event,
        action: { raise: { kind: "alert", valence: "pain", severity: "critical" } },
      },
    ]);
  });

  it("annotates when an observation crosses its threshold after being below it", () => {
    const rule = compiled({
      name: "Latency crossed 250 ms",
      when: 'indicator = "latency-p99" and value <= 250 then indicator = "latency-p99" and value > 250 within 10m',
      action: { annotate: "p99 latency crossed 250 ms" },
    });
    const observations = [200, 240, 260, 270, 230, 300].map((value, minute) =>
      at(minute, { type: "observation", indicator: "latency-p99", value }),
    );
    expect([...evaluateRule(rule, observations)].map((f) => f.index)).toEqual([2, 3, 5]);
  });

  it("continues a stream across calls when given the matcher of the earlier call", () => {
    const rule = compiled({
      name: "Three pains",
      when: 'count(valence = "pain") >= 3 within 10m',
      action: { raise: { kind: "pain-burst" } },
    });
    const matcher = createMatcher(rule.query);
    const pain = { valence: "pain" };
    expect([...evaluateRule(rule, [at(0, pain), at(1, pain)], matcher)]).toEqual([]);
    expect([...evaluateRule(rule, [at(2, pain)], matcher)].map((f) => f.time)).toEqual([2 * MINUTE]);
    expect([...evaluateRule(rule, [at(2, pain)])]).toEqual([]);
  });

  it("is lazy: it matches only as far as the caller reads", () => {
    const rule = compiled({ name: "any", when: "a exists", action: { annotate: "a" } });
    const matcher = createMatcher(rule.query);
    const firings = evaluateRule(rule, [at(0, { a: 1 }), at(1, { a: 2 })], matcher);
    expect(firings.next().value).toMatchObject({ index: 0 });
    expect(matcher.state.lastTime).toBe(0);
  });
});
