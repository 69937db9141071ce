import { z } from "zod";
import { classifyDatabaseError, type DatabaseFailure } from "@/lib/store/db-errors";
import { AppError, INTERNAL_MESSAGE, TransientError, type ErrorCode } from "@/lib/errors";
import { validationError } from "@/lib/http/zod-issues";

/**
 * Everything a handler can throw, mapped to what the client sees — in this one place:
 *
 * | thrown                                   | status | code                 |
 * |------------------------------------------|--------|----------------------|
 * | AppError                                 | by its code (lib/errors.ts)   |
 * | ZodError, malformed (lib/http/zod-issues)| 400    | bad_request          |
 * | ZodError, invalid values                 | 422    | validation_failed    |
 * | unique violation (P2002, 23505)          | 409    | conflict             |
 * | foreign-key violation (P2003, 23503)     | 409    | conflict             |
 * | serialization failure, deadlock (P2034)  | 409    | conflict             |
 * | record not found (P2025)                 | 404    | not_found            |
 * | value too long / out of range (P2000)    | 422    | validation_failed    |
 * | database unreachable or refusing us      | 503    | unavailable          |
 * | anything else                            | 500    | internal             |
 *
 * A foreign-key violation is a 409, not a 422: routes check that what a request names exists
 * (and answer 404/422 themselves), so one that still reaches the database is a race with another
 * change, or a delete that other records still depend on.
 *
 * Database messages, SQL, stack traces and connection details never reach the client: the
 * messages below are fixed, and `cause` carries the original for the log.
 */
export interface MappedError {
  error: AppError;
  /** The original error, for the log, whenever the answer does not tell the whole story. */
  cause?: unknown;
}

const DATABASE_ANSWERS: Record<DatabaseFailure, [ErrorCode, string]> = {
  unique_violation: ["conflict", "A record with the same unique value already exists"],
  foreign_key_violation: ["conflict", "The change conflicts with related records: one it refers to is gone, or others still refer to it"],
  write_conflict: ["conflict", "The change collided with a concurrent one; send it again"],
  record_not_found: ["not_found", "The record does not exist"],
  invalid_value: ["validation_failed", "A value does not fit its field: too long, out of range or missing"],
  unreachable: ["unavailable", "The service is temporarily unavailable; try again shortly"],
  access_denied: ["unavailable", "The service is temporarily unavailable; try again shortly"],
};

/** Failures that pass by themselves, and how long a client should wait before sending again. */
const RETRY_AFTER_SECONDS: Partial<Record<DatabaseFailure, number>> = { write_conflict: 1, unreachable: 5 };

export function mapError(thrown: unknown): MappedError {
  if (thrown instanceof AppError) {
    // Even a deliberate "internal" keeps its message for the log only: it may quote a cause.
    if (thrown.code === "internal") return { error: new AppError("internal", INTERNAL_MESSAGE), cause: thrown };
    return { error: thrown };
  }
  if (thrown instanceof z.core.$ZodError) return { error: validationError([{ issues: thrown.issues }]) };
  const failure = classifyDatabaseError(thrown);
  if (failure) {
    const [code, message] = DATABASE_ANSWERS[failure];
    const retryAfter = RETRY_AFTER_SECONDS[failure];
    return { error: retryAfter === undefined ? new AppError(code, message) : new TransientError(code, message, retryAfter), cause: thrown };
  }
  return { error: new AppError("internal", INTERNAL_MESSAGE), cause: thrown };
}
