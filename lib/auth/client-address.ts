/**
 * The address a request came from, for throttling and the audit trail. Next's server and
 * Vercel's edge each append the peer they saw to `X-Forwarded-For`, so the last entry is the one
 * a client cannot forge; earlier entries are whatever the client sent.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}
