import { expect, test } from "@playwright/test";

/** The security headers on pages and API answers, and pages that work under the policy (docs/access.md "Security headers"). */
test("pages carry a nonce policy their own scripts satisfy, and nothing may frame them", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/signals");
  const second = await page.request.get("/signals");
  const policy = first!.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  // A fresh nonce per request.
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  expect(first!.headers()).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  expect(first!.headers()["strict-transport-security"]).toBeUndefined();
  // The client-side navigation runs: its scripts carry the nonce.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Variety" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Variety" })).toBeVisible();
  expect(violations).toEqual([]);

  const api = await page.request.get("/api/health");
  expect(api.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
});
