import { expect, test } from "@playwright/test";

// Signals and Variety are built: what they show depends on what other specs have sent, so only their headings are checked here.
const PAGES = [
  { link: "Signals", path: "/signals", empty: null },
  { link: "Variety", path: "/variety", empty: null },
  { link: "Admin", path: "/admin", empty: "No admin forms yet" },
] as const;

test("the navigation reaches every section; those not built yet say so", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  for (const { link, path, empty } of PAGES) {
    await nav.getByRole("link", { name: link }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1, name: link })).toBeVisible();
    if (empty !== null) await expect(page.getByRole("heading", { level: 2, name: empty })).toBeVisible();
    await expect(nav.getByRole("link", { name: link })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
    await expect(page).toHaveTitle(`${link} · VSM Console`);
  }
  await page.screenshot({ path: "e2e/.artifacts/admin.png", fullPage: true });
  await nav.getByRole("link", { name: "Diagnosis" }).click();
  await expect(page).toHaveURL("/diagnosis");
  await expect(nav.getByRole("link", { name: "Diagnosis" })).toHaveAttribute("aria-current", "page");
});

test("an unknown page answers 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
});
