import "server-only";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { z } from "zod";
import { ANONYMOUS, type Actor, type ActorResolver } from "@/lib/auth/actor";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import { sessionOrKeyResolver } from "@/lib/auth/session-resolver";
import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authorize, requireScope, type Access } from "@/lib/auth/permissions";
import { AppError, errorResponse, TransientError, type ErrorCode } from "@/lib/errors";
import { mapError } from "@/lib/http/map-error";
import { createRateLimiter, type RateLimiter } from "@/lib/http/rate-limit";
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from "@/lib/http/request-body";
import { validationError, type IssuesAt, type RequestPart } from "@/lib/http/zod-issues";
import { log as rootLog } from "@/lib/log";

export const REQUEST_ID_HEADER = "x-request-id";

type Schema = z.ZodType | undefined;
type Output<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteOptions<P extends Schema, Q extends Schema, B extends Schema> {
  /** Required, so every route states who may call it. */
  permission: Access;
  /** Schema for the dynamic path segments (`[path]` → `{ path: string }`). */
  params?: P;
  /** Schema for the query string; a repeated key arrives as an array. Use `z.coerce` for numbers. */
  query?: Q;
  /** Schema for a JSON body; declaring it makes the body required (415/413/400 as lib/http/request-body.ts). */
  body?: B;
  /** Body size limit in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** The system path this request touches, checked against an API key's scope once the input is parsed. */
  scope?: (input: ParsedInput<P, Q, B>) => string;
  /**
   * Answer transient failures (rate limit, write conflict, database away) with 503 and
   * `Retry-After` instead of their 4xx: for senders that drop a batch on any 4xx and retry on 5xx,
   * such as Prometheus remote-write, so an overload delays data and never loses it.
   */
  transientAs503?: boolean;
}

export interface ParsedInput<P extends Schema, Q extends Schema, B extends Schema> {
  params: Output<P>;
  query: Output<Q>;
  body: Output<B>;
}

export interface RouteContext<P extends Schema, Q extends Schema, B extends Schema> extends ParsedInput<P, Q, B> {
  /**
   * The request itself. Unless `body` is declared its body is unread: read it with readJsonBody or
   * readBodyBytes (lib/http/request-body.ts), which enforce the size limit and answer 400/413/415,
   * never with `request.json()`, whose SyntaxError would be a 500.
   */
  request: Request;
  requestId: string;
  actor: Actor;
  /** The request's logger (request id, method, path): log through it so lines can be matched. */
  log: Logger;
}

/** What Next passes a route handler as its second argument. */
export interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = (request: Request, context?: NextRouteContext) => Promise<Response>;

export interface RouteWrapperDeps {
  resolver: ActorResolver;
  log: Logger;
  /** Charged once per request made with an API key; none in tests that do not exercise limits. */
  limiter?: RateLimiter;
}

/**
 * The one wrapper every route handler goes through (STYLE rules 7–9, DESIGN §1). Per request:
 *
 * 1. a request id (the proxy's, the caller's, or new), echoed as `x-request-id`;
 * 2. the actor, from the ActorResolver — skipped for `permission: "public"`, so health and
 *    readiness never depend on the key store;
 * 3. the permission check: 401 without credentials, 403 when the role falls short; then the
 *    key's rate limit (429 with `Retry-After`);
 * 4. zod parsing of path params, query and JSON body, all issues reported together (400/422);
 * 5. the scope check, if the route names the system path it touches;
 * 6. the handler, whose throws are mapped to `{ error: { code, message, details? } }` in one
 *    place (lib/http/map-error.ts);
 * 7. one log line with the outcome, carrying the original error when the answer hides it.
 *
 * Tests build their own with a resolver and logger of their choosing; the app uses `withRoute` below.
 */
export function createRouteWrapper({ resolver, log, limiter }: RouteWrapperDeps) {
  return function withRoute<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
    options: RouteOptions<P, Q, B>,
    handler: (context: RouteContext<P, Q, B>) => Promise<Response>,
  ): RouteHandler {
    return async (request, nextContext) => {
      const requestId = request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
      const started = performance.now();
      const reqLog = log.child({ requestId, method: request.method, path: new URL(request.url).pathname });
      let actor: Actor = ANONYMOUS;
      let response: Response;
      let failure: { code: ErrorCode; cause?: unknown } | undefined;
      try {
        if (options.permission !== "public") actor = await resolver.resolve(request);
        authorize(actor, options.permission);
        if (limiter && actor.kind === "api_key") await limiter.consume(actor.keyId);
        const input = await parseInput(request, nextContext, options);
        if (options.scope && options.permission !== "public") requireScope(actor, options.scope(input), options.permission);
        response = await handler({ ...input, request, requestId, actor, log: reqLog });
      } catch (thrown) {
        const { error, cause } = mapError(thrown);
        failure = { code: error.code, cause };
        response = errorResponse(answerFor(error, options.transientAs503 === true), errorHeaders(error));
      }
      response = withHeader(response, REQUEST_ID_HEADER, requestId);
      const line = {
        status: response.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(actor.kind === "api_key" ? { keyId: actor.keyId } : {}),
        ...(failure ? { code: failure.code } : {}),
        ...(failure?.cause === undefined ? {} : { err: failure.cause }),
      };
      if (response.status >= 500) reqLog.error(line, "request");
      else reqLog.info(line, "request");
      return response;
    };
  };
}

/** The app's rate limiter, made on first use so that importing this module opens no Redis connection. */
let appLimiter: RateLimiter | undefined;
const lazyLimiter: RateLimiter = {
  consume(keyId) {
    const env = getEnv();
    appLimiter ??= createRateLimiter(
      { perSecond: env.VSM_RATE_LIMIT_PER_SECOND, burst: env.VSM_RATE_LIMIT_BURST, redisUrl: env.REDIS_URL },
      rootLog,
    );
    return appLimiter.consume(keyId);
  },
  backend: () => appLimiter?.backend() ?? "memory",
  close: async () => appLimiter?.close(),
};

/** Who is calling, for the app: an API key in the Authorization header, else the session cookie. */
export const appActorResolver: ActorResolver = sessionOrKeyResolver(
  apiKeyResolver(async () => (await getDatabase()).sql),
  // Imported when first needed: Auth.js loads Next's navigation module, which only runs inside
  // Next, and scripts that build routes with createRouteWrapper (tests, benchmarks) never need it.
  async () => (await import("@/lib/auth/current-actor")).sessionActorOfRequest(),
);

/** The app's wrapper: API keys or the session cookie, against the console's database; rate limits from the environment. */
export const withRoute = createRouteWrapper({ resolver: appActorResolver, log: rootLog, limiter: lazyLimiter });

async function parseInput<P extends Schema, Q extends Schema, B extends Schema>(
  request: Request,
  nextContext: NextRouteContext | undefined,
  options: RouteOptions<P, Q, B>,
): Promise<ParsedInput<P, Q, B>> {
  const failed: IssuesAt[] = [];
  const parse = async (part: RequestPart, schema: z.ZodType | undefined, raw: () => Promise<unknown>): Promise<unknown> => {
    if (!schema) return undefined;
    // reportInput: so that a missing enum field reads as missing (400), not as a wrong value (lib/http/zod-issues.ts).
    const result = await schema.safeParseAsync(await raw(), { reportInput: true });
    if (result.success) return result.data;
    failed.push({ in: part, issues: result.error.issues });
    return undefined;
  };
  const params = await parse("params", options.params, async () => (await nextContext?.params) ?? {});
  const query = await parse("query", options.query, async () => queryObject(new URL(request.url).searchParams));
  // Reading the body can fail on its own terms (415, 413, 400), which come before its schema's.
  const body = await parse("body", options.body, () => readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  if (failed.length > 0) throw validationError(failed);
  // Each value was produced by the schema of the same part, so it has that schema's output type.
  return { params, query, body } as ParsedInput<P, Q, B>;
}

/** A transient failure as 503 for routes whose senders retry only on 5xx; anything else as it is. */
function answerFor(error: AppError, transientAs503: boolean): AppError {
  if (!transientAs503 || !(error instanceof TransientError) || error.status >= 500) return error;
  return new TransientError("unavailable", error.message, error.retryAfterSeconds, error.details);
}

function errorHeaders(error: AppError): HeadersInit | undefined {
  // RFC 9110: a 401 names the scheme that would work; a transient failure says when to come back.
  if (error.status === 401) return { "WWW-Authenticate": 'Bearer realm="vsm-console"' };
  if (error instanceof TransientError) return { "Retry-After": String(error.retryAfterSeconds) };
  return undefined;
}

/** Sets a header, copying the response first if its headers are immutable (Response.redirect, fetch). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

/** Query parameters as an object: one value as a string, a repeated key as an array of strings. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    const [first] = values;
    query[key] = values.length === 1 && first !== undefined ? first : values;
  }
  return query;
}
