/**
 * The one error type handlers throw. The code decides the HTTP status; `details` may name the
 * fields at fault. Anything else thrown is mapped in lib/http/error-response.ts (ZodError,
 * database errors) or becomes a 500 with no internals in the response.
 *
 * 400 and 422 split the way lib/http/zod-issues.ts does: 400 when the request is malformed (not
 * JSON, wrong types, missing or unknown fields), 422 when it is well-formed but a value is invalid.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  not_implemented: 501,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The message every 500 carries, whatever went wrong: the cause goes to the log only. */
export const INTERNAL_MESSAGE = "Internal server error";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * A failure that is over by itself: a rate limit, a write that collided with a concurrent one, a
 * database that is briefly away. The answer carries `Retry-After`, and routes whose senders drop a
 * batch on any 4xx answer it as 503 instead (lib/http.ts, `transientAs503`).
 */
export class TransientError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
    details?: unknown,
  ) {
    super(code, message, details);
    this.name = "TransientError";
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/** The JSON response for an error, with any headers its status calls for (Allow, WWW-Authenticate). */
export function errorResponse(error: AppError, headers?: HeadersInit): Response {
  return Response.json(errorBody(error), { status: error.status, headers });
}
