import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, errorBody } from "@/lib/errors";
import { log } from "@/lib/log";

export const REQUEST_ID_HEADER = "x-request-id";

type Handler = (request: Request, context: { requestId: string }) => Promise<Response>;

/**
 * Wraps a route handler: one request id per request (from the proxy, or new), one JSON log line
 * per request with its outcome, and AppError → `{ error: { code, message, details } }` mapping.
 * Unexpected errors are logged in full and answered with a bare 500.
 */
export function withRequest(handler: Handler): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
    const started = performance.now();
    const url = new URL(request.url);
    const reqLog = log.child({ requestId, method: request.method, path: url.pathname });
    let response: Response;
    try {
      response = await handler(request, { requestId });
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError("internal", "Internal server error");
      if (appError.code === "internal") reqLog.error({ err: error }, "request failed");
      response = Response.json(errorBody(appError), { status: appError.status });
    }
    response.headers.set(REQUEST_ID_HEADER, requestId);
    reqLog.info({ status: response.status, ms: Math.round((performance.now() - started) * 10) / 10 }, "request");
    return response;
  };
}
