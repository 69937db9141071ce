import { expect, test } from "@playwright/test";

// What Signals and Variety show depends on what other specs have sent, so only their headings are checked here.
const PAGES = [
  { link: "Signals", path: "/signals", empty: null },
  { link: "Variety", path: "/variety", empty: null },
  { link: "Admin", path: "/admin", empty: null },
] as const;

test("the navigation reaches every section", async ({ page }) => {
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
  // Admin, to the whole model's admin: the accounts with their roles and the API keys, no secret of either.
  await expect(page.getByRole("table", { name: "Accounts" }).getByRole("row", { name: /e2e-admin@vsm\.example/ })).toContainText(
    "admin of the whole model",
  );
  await expect(page.getByRole("table", { name: "Accounts" }).getByRole("row", { name: /e2e-newcomer@vsm\.example/ })).toContainText(
    "no role yet",
  );
  await expect(page.getByRole("table", { name: "API keys" }).getByRole("row", { name: /e2e ingest key/ })).toContainText("ingest");
  await page.screenshot({ path: "e2e/.artifacts/admin.png", fullPage: true });
  await nav.getByRole("link", { name: "Diagnosis" }).click();
  await expect(page).toHaveURL("/diagnosis");
  await expect(nav.getByRole("link", { name: "Diagnosis" })).toHaveAttribute("aria-current", "page");
});

test("an unknown page answers 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
});
