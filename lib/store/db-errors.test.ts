import { describe, expect, it } from "vitest";
import { classifyDatabaseError } from "@/lib/store/db-errors";
import { Prisma } from "@/lib/generated/prisma/client";

function prismaError(code: string, meta?: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError(`Invalid invocation (${code})`, { code, clientVersion: "7.10.0", meta });
}

/** What `pg` and PGlite throw for a server error: a SQLSTATE code beside the server's severity. */
function serverError(code: string) {
  return Object.assign(new Error("server said no"), { code, severity: "ERROR" });
}

describe("classifyDatabaseError", () => {
  it.each([
    ["P2002", "unique_violation"],
    ["P2003", "foreign_key_violation"],
    ["P2025", "record_not_found"],
    ["P2000", "invalid_value"],
    ["P2034", "write_conflict"],
    ["P1001", "unreachable"],
    ["P1017", "unreachable"],
    ["P2024", "unreachable"],
    ["P1010", "access_denied"],
  ] as const)("reads Prisma's %s as %s", (code, failure) => {
    expect(classifyDatabaseError(prismaError(code))).toBe(failure);
  });

  it("reads a failed raw query (P2010) by the SQLSTATE its driver adapter reports", () => {
    const meta = { driverAdapterError: { cause: { originalCode: "23505", kind: "UniqueConstraintViolation" } } };
    expect(classifyDatabaseError(prismaError("P2010", meta))).toBe("unique_violation");
    expect(classifyDatabaseError(prismaError("P2010"))).toBeUndefined();
  });

  it("reads an initialization error by its error code, if it has one", () => {
    expect(classifyDatabaseError(new Prisma.PrismaClientInitializationError("no", "7.10.0", "P1001"))).toBe("unreachable");
    expect(classifyDatabaseError(new Prisma.PrismaClientInitializationError("no", "7.10.0"))).toBeUndefined();
  });

  it.each([
    ["23505", "unique_violation"],
    ["23503", "foreign_key_violation"],
    ["23502", "invalid_value"],
    ["22001", "invalid_value"],
    ["40P01", "write_conflict"],
    ["08006", "unreachable"],
    ["57P01", "unreachable"],
    ["28P01", "access_denied"],
    ["3D000", "access_denied"],
  ] as const)("reads SQLSTATE %s as %s", (code, failure) => {
    expect(classifyDatabaseError(serverError(code))).toBe(failure);
  });

  it("reads socket errors and pg's code-less connection errors as unreachable", () => {
    expect(classifyDatabaseError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))).toBe(
      "unreachable",
    );
    expect(classifyDatabaseError(Object.assign(new Error("getaddrinfo ENOTFOUND db"), { code: "ENOTFOUND" }))).toBe("unreachable");
    expect(classifyDatabaseError(new Error("Connection terminated unexpectedly"))).toBe("unreachable");
    expect(classifyDatabaseError(new Error("timeout exceeded when trying to connect"))).toBe("unreachable");
  });

  it("looks through a wrapped cause", () => {
    expect(classifyDatabaseError(new Error("migration failed", { cause: serverError("08001") }))).toBe("unreachable");
  });

  it("leaves everything else unclassified, so it stays a 500", () => {
    expect(classifyDatabaseError(new Error("boom"))).toBeUndefined();
    expect(classifyDatabaseError(new TypeError("x is undefined"))).toBeUndefined();
    expect(classifyDatabaseError(serverError("42703"))).toBeUndefined(); // undefined column: a bug, not the client's fault
    expect(classifyDatabaseError(Object.assign(new Error("x"), { code: "23505" }))).toBeUndefined(); // no severity: not a server error
    expect(classifyDatabaseError(prismaError("P2999"))).toBeUndefined();
    expect(classifyDatabaseError("23505")).toBeUndefined();
    expect(classifyDatabaseError(null)).toBeUndefined();
  });
});
