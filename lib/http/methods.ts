import "server-only";
import { AppError, errorResponse } from "@/lib/errors";
import { withRoute, type RouteHandler } from "@/lib/http";
import type { RouteMethod } from "@/lib/http/http-methods";

/** The methods a route implements itself; HEAD follows GET and OPTIONS is answered here. */
export type ImplementedMethods = Partial<Record<Exclude<RouteMethod, "HEAD" | "OPTIONS">, RouteHandler>>;

// The order the Allow header lists them in.
const ALLOW_ORDER: readonly RouteMethod[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function allowedMethods(handlers: ImplementedMethods): RouteMethod[] {
  return ALLOW_ORDER.filter(
    (method) => method === "OPTIONS" || (method === "HEAD" ? handlers.GET !== undefined : handlers[method] !== undefined),
  );
}

/**
 * Next answers a method a route does not export with a bare 405 that has no body and no Allow
 * header, and its automatic OPTIONS lists every export — so each route exports every method
 * Next routes (ROUTE_METHODS) through `routeMethods`, and the unimplemented ones answer here:
 *
 *     export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: withRoute(…) });
 */
export function routeMethods(handlers: ImplementedMethods): Record<RouteMethod, RouteHandler> {
  const allow = allowedMethods(handlers).join(", ");
  const notAllowed = withRoute({ permission: "public" }, async ({ request }) =>
    errorResponse(new AppError("method_not_allowed", `${request.method} is not allowed here; allowed: ${allow}`), { Allow: allow }),
  );
  const options = withRoute({ permission: "public" }, async () => new Response(null, { status: 204, headers: { Allow: allow } }));
  return {
    GET: handlers.GET ?? notAllowed,
    // Node's HTTP server sends no body in answer to HEAD, so the GET handler serves it as is.
    HEAD: handlers.GET ?? notAllowed,
    OPTIONS: options,
    POST: handlers.POST ?? notAllowed,
    PUT: handlers.PUT ?? notAllowed,
    DELETE: handlers.DELETE ?? notAllowed,
    PATCH: handlers.PATCH ?? notAllowed,
  };
}
