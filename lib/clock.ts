/**
 * The time a server-rendered page is "as of": read once per request, after `connection()`, so the
 * page is dynamic and renders afresh for every request (React's purity rule forbids reading the
 * clock inline during render, where a client render would differ from the server's).
 */
export function requestTime(): number {
  return Date.now();
}
