import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { bodyTime, timeInput } from "@/lib/api/schemas/common";
import { observationsQuery } from "@/lib/api/schemas/observations";
import { signalsQuery } from "@/lib/api/schemas/signals";
import { createSilenceBody } from "@/lib/api/schemas/silences";
import { encodeCursor } from "@/lib/api/signal-cursor";
import { validationError } from "@/lib/http/zod-issues";
import { HOUR, MINUTE } from "@/lib/vsm/types";

/** What the route wrapper answers for a query that fails its schema: the code and each field's path and message. */
function refusal(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  const error = validationError([{ in: "query", issues: result.error.issues }]);
  return { code: error.code, fields: (error.details as { path: string; message: string }[]).map((d) => d.path) };
}

const T0 = Date.UTC(2026, 10, 30, 9);
const range = { unit: "acme/ops/payments", indicator: "latency-p99", from: String(T0), to: String(T0 + HOUR), step: "5m" };

describe("times", () => {
  it("take RFC 3339 with an offset or whole epoch milliseconds", () => {
    expect(timeInput.parse("2026-11-30T09:00:00Z")).toBe(T0);
    expect(timeInput.parse("2026-11-30T10:00:00+01:00")).toBe(T0);
    expect(timeInput.parse(String(T0))).toBe(T0);
    expect(bodyTime.parse(T0)).toBe(T0);
    expect(bodyTime.parse("2026-11-30T09:00:00Z")).toBe(T0);
  });

  it("refuse anything else as a value (422), naming the field", () => {
    for (const bad of ["2026-11-30T09:00:00", "2026-02-30T00:00:00Z", "yesterday", "-5", "1e12", "99999999999999999"]) {
      expect(refusal(observationsQuery, { ...range, from: bad }), bad).toEqual({ code: "validation_failed", fields: ["from"] });
    }
    expect(bodyTime.safeParse(1.5).success).toBe(false);
    expect(bodyTime.safeParse(-1).success).toBe(false);
  });
});

describe("the observations query", () => {
  it("parses a range into milliseconds", () => {
    expect(observationsQuery.parse(range)).toEqual({ ...range, from: T0, to: T0 + HOUR, step: 5 * MINUTE });
  });

  it("names each field at fault", () => {
    expect(refusal(observationsQuery, { ...range, to: String(T0) })).toEqual({ code: "validation_failed", fields: ["to"] });
    expect(refusal(observationsQuery, { ...range, from: String(T0 + 1) })).toEqual({ code: "validation_failed", fields: ["from"] });
    expect(refusal(observationsQuery, { ...range, step: "90s" })).toEqual({ code: "validation_failed", fields: ["step"] });
    expect(refusal(observationsQuery, { ...range, step: "5 minutes" })).toEqual({ code: "validation_failed", fields: ["step"] });
    expect(refusal(observationsQuery, { ...range, unit: "Acme//ops" })).toEqual({ code: "validation_failed", fields: ["unit"] });
  });

  it("refuses more buckets than it answers, on the step", () => {
    const year = { ...range, to: String(T0 + 365 * 24 * HOUR), step: "1h" };
    expect(refusal(observationsQuery, year)).toEqual({ code: "validation_failed", fields: ["step"] });
    expect(observationsQuery.safeParse({ ...year, step: "1d" }).success).toBe(true);
  });

  it("answers 400 for a missing or unknown parameter", () => {
    expect(refusal(observationsQuery, { ...range, step: undefined }).code).toBe("bad_request");
    expect(refusal(observationsQuery, { ...range, extra: "1" }).code).toBe("bad_request");
    expect(refusal(observationsQuery, { ...range, from: [String(T0), String(T0)] })).toEqual({ code: "bad_request", fields: ["from"] });
  });
});

describe("the signals query", () => {
  it("takes one state or several, and a cursor it made", () => {
    const cursor = encodeCursor({ raisedAt: T0, id: "sig_a" });
    expect(signalsQuery.parse({ state: "open" })).toEqual({ state: ["open"], limit: 100 });
    expect(signalsQuery.parse({ state: ["open", "acknowledged"], limit: "10", cursor })).toEqual({
      state: ["open", "acknowledged"],
      limit: 10,
      cursor: { raisedAt: T0, id: "sig_a" },
    });
  });

  it("names a bad cursor, limit or range", () => {
    expect(refusal(signalsQuery, { cursor: "nonsense" })).toEqual({ code: "validation_failed", fields: ["cursor"] });
    expect(refusal(signalsQuery, { limit: "0" })).toEqual({ code: "validation_failed", fields: ["limit"] });
    expect(refusal(signalsQuery, { limit: "501" })).toEqual({ code: "validation_failed", fields: ["limit"] });
    expect(refusal(signalsQuery, { from: String(T0), to: String(T0) })).toEqual({ code: "validation_failed", fields: ["to"] });
    expect(refusal(signalsQuery, { state: "sleeping" }).code).toBe("bad_request");
  });
});

describe("a new silence", () => {
  const silence = { matcher: { unitPath: "acme/ops" }, endsAt: T0 + HOUR, reason: "deploy" };

  it("must match something and end after it starts", () => {
    expect(createSilenceBody.parse(silence)).toEqual({ ...silence, matcher: { unitPath: "acme/ops", scope: "exact" } });
    expect(refusal(createSilenceBody, { ...silence, matcher: {} })).toEqual({ code: "validation_failed", fields: ["matcher"] });
    expect(refusal(createSilenceBody, { ...silence, startsAt: T0 + HOUR })).toEqual({ code: "validation_failed", fields: ["endsAt"] });
    expect(refusal(createSilenceBody, { ...silence, reason: "  " })).toEqual({ code: "validation_failed", fields: ["reason"] });
  });
});
