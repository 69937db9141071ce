import { expect, test } from "@playwright/test";

test("health is live and readiness reports a migrated database", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
  expect(health.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  const body = await ready.json();
  expect(body).toEqual({
    status: "ready",
    checks: { database: { ok: true }, migrations: { ok: true, applied: expect.any(Number), pending: 0 } },
  });
  expect(body.checks.migrations.applied).toBeGreaterThanOrEqual(1);
});

test("a caller's request id is kept and echoed", async ({ request }) => {
  const response = await request.get("/api/health", { headers: { "x-request-id": "trace-abc-123" } });
  expect(response.headers()["x-request-id"]).toBe("trace-abc-123");
});
