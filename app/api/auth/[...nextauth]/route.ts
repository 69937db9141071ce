import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { routeMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * Auth.js' own endpoints (sign-in callbacks, CSRF token, sign-out, session): public by nature, and
 * protected by Auth.js' CSRF token and signed cookies rather than by our wrapper's actor check.
 */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: (request) => handlers.GET(request as NextRequest),
  POST: (request) => handlers.POST(request as NextRequest),
});
