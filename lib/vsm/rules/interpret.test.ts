import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/vsm/rules/ast";
import type { EventData, TimedEvent } from "@/lib/vsm/rules/event";
import { resolveField } from "@/lib/vsm/rules/field-path";
import { compareValues, evaluateAt, interpret } from "@/lib/vsm/rules/interpret";
import { parse } from "@/lib/vsm/rules/parser";
import { MINUTE } from "@/lib/vsm/types";

const expr = (source: string): Expr => {
  const result = parse(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.expr;
};

const alert: EventData = {
  type: "alert",
  status: "firing",
  labels: { alertname: "HighErrorRate", severity: "critical", "vsm.unit": "acme/payments" },
  annotations: { summary: "5xx above 2%" },
  value: 2.7,
  silenced: false,
  receivers: ["pager", "slack"],
  note: null,
};

describe("resolveField", () => {
  it("walks own keys and array indices, and nothing else", () => {
    expect(resolveField(alert, ["labels", "severity"])).toBe("critical");
    expect(resolveField(alert, ["labels", "vsm.unit"])).toBe("acme/payments");
    expect(resolveField(alert, ["receivers", "1"])).toBe("slack");
    expect(resolveField(alert, ["receivers", "2"])).toBeUndefined();
    expect(resolveField(alert, ["receivers", "length"])).toBeUndefined();
    expect(resolveField(alert, ["receivers", "01"])).toBeUndefined();
    expect(resolveField(alert, ["labels", "constructor"])).toBeUndefined();
    expect(resolveField(alert, ["__proto__"])).toBeUndefined();
    expect(resolveField(alert, ["value", "x"])).toBeUndefined();
    expect(resolveField(alert, ["note", "x"])).toBeUndefined();
    expect(resolveField({ "0": { a: 1 } }, ["0", "a"])).toBe(1);
  });
});

describe("compareValues", () => {
  it("compares like with like and never coerces", () => {
    expect(compareValues("=", "5", 5)).toBe(false);
    expect(compareValues("!=", "5", 5)).toBe(true);
    expect(compareValues(">", "5", 4)).toBe(false);
    expect(compareValues(">", "b", "a")).toBe(true);
    expect(compareValues("<=", 3, 3)).toBe(true);
    expect(compareValues("<", 2, 3)).toBe(true);
    expect(compareValues(">=", 2, 3)).toBe(false);
    expect(compareValues("=", true, true)).toBe(true);
    expect(compareValues(">", true, false)).toBe(false);
  });

  it("fails every comparison, != included, on a missing, null or structured value", () => {
    for (const op of ["=", "!=", ">", "<"] as const)
      for (const value of [undefined, null, {}, [1]]) expect(compareValues(op, value, 1)).toBe(false);
    expect(compareValues("!=", NaN, 1)).toBe(true);
    expect(compareValues("=", NaN, 1)).toBe(false);
  });
});

describe("interpret on one event", () => {
  it("matches Alertmanager-style labels", () => {
    expect(interpret(expr('labels.severity = "critical" and status = "firing"'), alert)).toBe(true);
    expect(interpret(expr('labels.`vsm.unit` = "acme/payments"'), alert)).toBe(true);
    expect(interpret(expr('labels.severity = "warning" or value > 2.5'), alert)).toBe(true);
    expect(interpret(expr("not silenced = true"), alert)).toBe(true);
    expect(interpret(expr("labels.team exists"), alert)).toBe(false);
    expect(interpret(expr("note exists"), alert)).toBe(false);
    expect(interpret(expr("annotations exists"), alert)).toBe(true);
    expect(interpret(expr('labels.team != "sre"'), alert)).toBe(false);
    expect(interpret(expr('receivers.0 = "pager"'), alert)).toBe(true);
  });

  it("treats a single event as a stream of one", () => {
    expect(interpret(expr("count(value > 2) >= 1 within 1m"), alert)).toBe(true);
    expect(interpret(expr("count(value > 2) >= 2 within 1m"), alert)).toBe(false);
    expect(interpret(expr("value > 2 then value > 2 within 1m"), alert)).toBe(false);
  });
});

describe("evaluateAt over a stream", () => {
  const at = (minute: number, event: EventData): TimedEvent => ({ time: minute * MINUTE, event });
  const pain = (minute: number) => at(minute, { kind: "signal", valence: "pain" });
  const stream = [pain(0), at(1, { kind: "signal", valence: "pleasure" }), pain(4), pain(9), pain(10), pain(21)];
  const holds = (source: string, events: readonly TimedEvent[]) => events.map((_, i) => evaluateAt(expr(source), events, i));

  it("counts within a window that includes its edge", () => {
    expect(holds('count(valence = "pain") >= 3 within 10m', stream)).toEqual([false, false, false, true, true, false]);
    expect(holds('count(valence = "pain") < 2 within 9m', stream)).toEqual([true, true, false, false, false, true]);
  });

  it("sees `a then b` only when a came strictly before b, within the window", () => {
    const deploys = [
      at(0, { type: "deploy" }),
      at(10, { indicator: "error-rate", value: 4 }),
      at(20, { indicator: "error-rate", value: 5 }),
      at(30, { type: "deploy", indicator: "error-rate", value: 9 }),
    ];
    const rule = 'type = "deploy" then indicator = "error-rate" and value > 3 within 15m';
    expect(holds(rule, deploys)).toEqual([false, true, false, false]);
  });
});
