import { expect, test } from "@playwright/test";

/** The /api error contract of docs/design.md §4, through the built app (`next start`), not a unit stand-in. */

test("unknown /api paths answer a JSON 404 in the standard shape, for every method", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/no-such-route"],
    ["POST", "/api/v1/nothing/here"],
    ["DELETE", "/api/health/extra"],
    ["GET", "/api"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: `No API route at ${path}` } });
  }
});

test("a known route called with a method it lacks answers a JSON 405 with Allow", async ({ request }) => {
  for (const path of ["/api/health", "/api/ready"]) {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await request.fetch(path, { method, headers: { "x-request-id": "e2e-405" } });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
      expect(response.headers()["x-request-id"]).toBe("e2e-405");
      expect(await response.json()).toEqual({
        error: { code: "method_not_allowed", message: `${method} is not allowed here; allowed: GET, HEAD, OPTIONS` },
      });
    }
  }
});

test("OPTIONS lists the allowed methods and HEAD follows GET", async ({ request }) => {
  const options = await request.fetch("/api/health", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  const head = await request.head("/api/health");
  expect(head.status()).toBe(200);
  expect(await head.body()).toHaveLength(0);
});

test("a method no route can implement answers a JSON 501 instead of Next's bare 400", async ({ request }) => {
  const response = await request.fetch("/api/health", { method: "PROPFIND" });
  expect(response.status()).toBe(501);
  expect(await response.json()).toEqual({ error: { code: "not_implemented", message: "The PROPFIND method is not supported" } });
});

test("pages keep their HTML 404", async ({ request }) => {
  const response = await request.get("/no-such-page");
  expect(response.status()).toBe(404);
  expect(response.headers()["content-type"]).toMatch(/^text\/html/);
});
