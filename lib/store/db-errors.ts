import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * What a database error means, whichever layer threw it: Prisma (P-codes), the `pg` driver or
 * PGlite (SQLSTATE codes), or Node's socket layer (ECONNREFUSED…). Classified once here so the
 * route wrapper's status mapping and the readiness check agree; undefined means "a bug", which
 * the wrapper answers with a bare 500.
 */
export type DatabaseFailure =
  /** Cannot connect, or the connection dropped or timed out: retrying later may work. */
  | "unreachable"
  /** The server answered but refused the credentials or the database name. */
  | "access_denied"
  | "unique_violation"
  | "foreign_key_violation"
  | "record_not_found"
  /** Too long, out of range, null where required, failed a CHECK: validation should have caught it. */
  | "invalid_value"
  /** Serialization failure or deadlock: the same request may succeed if sent again. */
  | "write_conflict";

// https://www.prisma.io/docs/orm/reference/error-reference
const PRISMA_CODES: Record<string, DatabaseFailure> = {
  P1000: "access_denied",
  P1001: "unreachable",
  P1002: "unreachable",
  P1003: "access_denied",
  P1008: "unreachable",
  P1010: "access_denied",
  P1011: "unreachable",
  P1017: "unreachable",
  P2000: "invalid_value",
  P2001: "record_not_found",
  P2002: "unique_violation",
  P2003: "foreign_key_violation",
  P2011: "invalid_value",
  P2015: "record_not_found",
  P2018: "record_not_found",
  P2020: "invalid_value",
  P2024: "unreachable",
  P2025: "record_not_found",
  P2034: "write_conflict",
  P2037: "unreachable",
};

// https://www.postgresql.org/docs/current/errcodes-appendix.html — exact codes first, then classes.
const SQLSTATE_CODES: Record<string, DatabaseFailure> = {
  "23505": "unique_violation",
  "23503": "foreign_key_violation",
  "23502": "invalid_value",
  "23514": "invalid_value",
  "22001": "invalid_value",
  "22003": "invalid_value",
  "22007": "invalid_value",
  "22008": "invalid_value",
  "22P02": "invalid_value",
  "40001": "write_conflict",
  "40P01": "write_conflict",
  "3D000": "access_denied",
  "53300": "unreachable",
  "57P01": "unreachable",
  "57P02": "unreachable",
  "57P03": "unreachable",
};
const SQLSTATE_CLASSES: Record<string, DatabaseFailure> = { "08": "unreachable", "28": "access_denied" };

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);

// The `pg` driver throws these two without a code when a connection drops or cannot be had in time.
const PG_CONNECTION_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/];

export function classifyDatabaseError(error: unknown, depth = 0): DatabaseFailure | undefined {
  if (typeof error !== "object" || error === null || depth > 3) return undefined;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // P2010 is "raw query failed": the driver's SQLSTATE says why.
    return PRISMA_CODES[error.code] ?? fromSqlState(adapterSqlState(error.meta));
  }
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return error.errorCode === undefined ? undefined : PRISMA_CODES[error.errorCode];
  }
  const { code, severity, message, cause } = error as { code?: unknown; severity?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string") {
    if (SOCKET_CODES.has(code)) return "unreachable";
    // pg's DatabaseError and PGlite's error both carry the server's severity beside the SQLSTATE.
    if (typeof severity === "string") {
      const failure = fromSqlState(code);
      if (failure) return failure;
    }
  }
  if (typeof message === "string" && PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return "unreachable";
  return classifyDatabaseError(cause, depth + 1);
}

function fromSqlState(code: string | undefined): DatabaseFailure | undefined {
  if (code === undefined || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  return SQLSTATE_CODES[code] ?? SQLSTATE_CLASSES[code.slice(0, 2)];
}

/** Prisma's driver adapters put the server's SQLSTATE at meta.driverAdapterError.cause.originalCode. */
function adapterSqlState(meta: Record<string, unknown> | undefined): string | undefined {
  const adapterError = meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined;
  const code = adapterError?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
