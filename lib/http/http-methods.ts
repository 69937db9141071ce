/**
 * Every method Next.js routes to a route handler (next/dist/server/web/http.js HTTP_METHODS; a
 * test keeps the two lists equal). Its own module, free of imports, because the proxy needs it too.
 */
export const ROUTE_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

export function isRouteMethod(method: string): method is RouteMethod {
  return (ROUTE_METHODS as readonly string[]).includes(method);
}
