import "server-only";
import type { Actor, ActorResolver } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/** Methods that change nothing, which a cross-site page may cause without harm. */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is calling an API route: a program by its `Authorization` header (API key), otherwise a
 * person by the session cookie. A request that changes something on the strength of a cookie must
 * come from the console's own origin (`Origin`, or `Sec-Fetch-Site: same-origin`): the cookie is
 * SameSite=Lax, and this closes what Lax leaves open (docs/access.md "Cross-site requests").
 */
export function sessionOrKeyResolver(keys: ActorResolver, session: () => Promise<Actor>): ActorResolver {
  return {
    async resolve(request) {
      if (request.headers.has("authorization")) return keys.resolve(request);
      const actor = await session();
      if (actor.kind === "anonymous" || SAFE.has(request.method)) return actor;
      if (!sameOrigin(request)) {
        throw new AppError(
          "forbidden",
          "A signed-in request that changes something must come from the console's own pages (Origin mismatch)",
        );
      }
      return actor;
    },
  };
}

function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
