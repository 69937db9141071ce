import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorBody } from "@/lib/errors";
import { mapError } from "@/lib/http/map-error";
import { prismaError } from "@/lib/testing/prisma-errors";

function answer(thrown: unknown) {
  const { error } = mapError(thrown);
  return { status: error.status, ...errorBody(error).error };
}

describe("mapError", () => {
  it("passes an AppError through by its code", () => {
    const thrown = new AppError("not_found", "No system acme/x", { path: "acme/x" });
    expect(mapError(thrown)).toEqual({ error: thrown });
  });

  it("hides the message of a deliberate internal AppError, keeping it as the cause", () => {
    const thrown = new AppError("internal", "pool exhausted at db.internal:5432");
    expect(answer(thrown)).toEqual({ status: 500, code: "internal", message: "Internal server error" });
    expect(mapError(thrown).cause).toBe(thrown);
  });

  it("turns a ZodError into 400 or 422 with every field", () => {
    const malformed = z.object({ level: z.number() }).safeParse({ level: "x" }).error;
    const invalid = z.object({ level: z.number().min(0) }).safeParse({ level: -1 }).error;
    expect(answer(malformed)).toMatchObject({ status: 400, code: "bad_request", details: [{ path: "level" }] });
    expect(answer(invalid)).toMatchObject({ status: 422, code: "validation_failed", details: [{ path: "level" }] });
  });

  it.each([
    ["P2002", 409, "conflict"],
    ["P2003", 409, "conflict"],
    ["P2034", 409, "conflict"],
    ["P2025", 404, "not_found"],
    ["P2000", 422, "validation_failed"],
    ["P1001", 503, "unavailable"],
    ["P1010", 503, "unavailable"],
  ] as const)("maps Prisma %s to %i %s with a fixed message, keeping the original for the log", (code, status, errorCode) => {
    const thrown = prismaError(code);
    const { error, cause } = mapError(thrown);
    expect(error).toMatchObject({ status, code: errorCode });
    expect(error.message).not.toMatch(/system_path_key|SELECT|P2/);
    expect(cause).toBe(thrown);
  });

  it("answers a connection failure with a generic 503 that names no host", () => {
    const thrown = Object.assign(new Error("connect ECONNREFUSED 10.1.2.3:5432"), { code: "ECONNREFUSED" });
    expect(answer(thrown)).toEqual({
      status: 503,
      code: "unavailable",
      message: "The service is temporarily unavailable; try again shortly",
    });
  });

  it("answers anything else with a bare 500", () => {
    for (const thrown of [new TypeError("Cannot read properties of undefined"), "a string", null, { weird: true }]) {
      expect(answer(thrown)).toEqual({ status: 500, code: "internal", message: "Internal server error" });
      expect(mapError(thrown).cause).toBe(thrown);
    }
  });
});
