import { expect, test } from "@playwright/test";
import { signInThroughForm } from "./sign-in-helper";

test.use({ storageState: { cookies: [], origins: [] } });

const viewer = { email: process.env.E2E_VIEWER_EMAIL!, password: process.env.E2E_VIEWER_PASSWORD! };

test("a viewer of one subtree sees that subtree and nothing of the rest of the model", async ({ page }) => {
  await signInThroughForm(page, "/", viewer.email, viewer.password);
  const tree = page.getByRole("list", { name: "Recursion" });
  await expect(tree).toContainText("acme/payments/checkout");
  await expect(tree).not.toContainText("acme/identity");
  await expect(tree).not.toContainText("Acme Cloud");
  await page.screenshot({ path: "e2e/.artifacts/viewer-overview.png" });

  await page.goto("/variety");
  await expect(page.getByRole("heading", { name: "Variety for whole trees only" })).toBeVisible();
  await expect(page.getByText("“acme/payments”")).toBeVisible();
  await page.goto("/diagnosis");
  await expect(page.getByRole("heading", { name: "The diagnosis for whole trees only" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Unassigned telemetry" })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "For admins of the whole model" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("a person with no role yet is told so on every page, and how to get one", async ({ page }) => {
  const newcomer = { email: process.env.E2E_NEWCOMER_EMAIL!, password: process.env.E2E_NEWCOMER_PASSWORD! };
  await signInThroughForm(page, "/signals", newcomer.email, newcomer.password);
  for (const path of ["/signals", "/", "/variety"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "No role yet" })).toBeVisible();
    await expect(page.getByText(`npm run user -- grant ${newcomer.email} --role viewer`)).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  }
  await page.screenshot({ path: "e2e/.artifacts/no-role.png" });
});
