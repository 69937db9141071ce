import { NextResponse, type NextRequest } from "next/server";
import { AppError, errorResponse } from "@/lib/errors";
import { isRouteMethod } from "@/lib/http/http-methods";
import { securityHeaders } from "@/lib/http/security-headers";

const REQUEST_ID_HEADER = "x-request-id";
const PAGE_PATH_HEADER = "x-vsm-page";

/**
 * Gives every request an id (keeping a caller's own if it sent one) that route handlers log and
 * that is echoed on the response, so a user's report can be matched to the server's log line.
 *
 * It also answers /api requests whose method no route handler can have (PROPFIND, COPY…): Next
 * would send a bare 400. RFC 9110 calls for 501 when the server does not implement a method at all.
 * And it sets the security headers (lib/http/security-headers.ts) with a fresh nonce per request.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  const { pathname } = request.nextUrl;
  if ((pathname === "/api" || pathname.startsWith("/api/")) && !isRouteMethod(request.method)) {
    return errorResponse(new AppError("not_implemented", `The ${request.method} method is not supported`), {
      [REQUEST_ID_HEADER]: requestId,
    });
  }
  const security = securityHeaders({
    nonce: Buffer.from(crypto.randomUUID()).toString("base64"),
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
    development: process.env.NODE_ENV === "development",
    oidcIssuer: process.env.AUTH_OIDC_ISSUER || undefined,
  });
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // Next reads the policy from the request to put the nonce on the scripts it renders.
  headers.set("content-security-policy", security["Content-Security-Policy"]!);
  // Where a page was asked for, so a page that needs a signed-in person can send them back here
  // after signing in (lib/auth/page-actor.ts). Set here, never taken from the client.
  headers.set(PAGE_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
