import { expect, test } from "@playwright/test";

/**
 * The SaaS example carries four deliberate structural gaps (marked in prisma/seed/saas-platform.yaml);
 * the Diagnosis page must show exactly those, read from the stored model.
 */
test("diagnosis lists the SaaS example's deliberate structural gaps, most urgent first", async ({ page }) => {
  await page.goto("/diagnosis");
  await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Acme Cloud" })).toBeVisible();
  await expect(page.getByText("45 systems checked · 4 findings")).toBeVisible();
  const findings = page.getByRole("list", { name: "Findings for Acme Cloud" }).getByRole("article");
  await expect(findings).toHaveCount(4);
  await expect(findings.nth(0)).toContainText("critical");
  await expect(findings.nth(0)).toContainText("acme/platform/delivery");
  await expect(findings.nth(0)).toContainText("broken-algedonic-chain");
  for (const [path, rule] of [
    ["acme/customer", "missing-function"],
    ["acme/data/analytics", "missing-function"],
    ["acme/identity/directory/scim-sync", "unowned-system"],
  ]) {
    await expect(findings.filter({ hasText: path }).filter({ hasText: rule })).toHaveCount(1);
  }
  await expect(findings.getByText("warning", { exact: true })).toHaveCount(3);
  await page.screenshot({ path: "e2e/.artifacts/diagnosis.png", fullPage: true });
});
