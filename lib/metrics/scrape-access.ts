import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { ActorResolver } from "@/lib/auth/actor";
import { parseKeyToken } from "@/lib/auth/api-key-token";
import { requireScope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export interface ScrapeAccess {
  /** VSM_METRICS_TOKEN: the bearer token a Prometheus server sends; unset, no token is accepted. */
  token: string | undefined;
  /** VSM_METRICS_PUBLIC: anyone may scrape, for a console reachable only from a private network. */
  open: boolean;
}

/**
 * Who may read `/api/metrics` (docs/metrics.md): anyone when the metrics are public; a caller
 * sending the metrics token; or an API key or signed-in person holding `read` on the whole model,
 * since the counts cover every unit. Throws 401 without acceptable credentials, 403 for an actor
 * whose reading is limited to a subtree (or who cannot read at all, like an ingest key).
 */
export async function authorizeScrape(request: Request, access: ScrapeAccess, resolver: ActorResolver): Promise<void> {
  if (access.open) return;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer !== undefined && access.token !== undefined && sameToken(bearer, access.token)) return;
  if (bearer !== undefined && parseKeyToken(bearer) === null) {
    throw new AppError(
      "unauthorized",
      access.token === undefined
        ? "This bearer token is not an API key, and no metrics token (VSM_METRICS_TOKEN) is set on this server"
        : "This bearer token is neither the metrics token (VSM_METRICS_TOKEN) nor an API key",
    );
  }
  requireScope(await resolver.resolve(request), "", "read");
}

/**
 * Compares SHA-256 digests in constant time: equal lengths for timingSafeEqual whatever was sent,
 * so the answer's timing tells neither how much of the token was right nor how long it is.
 */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
