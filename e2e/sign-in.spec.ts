import { expect, test } from "@playwright/test";
import { signInThroughForm } from "./sign-in-helper";

test.use({ storageState: { cookies: [], origins: [] } });

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };
const viewer = { email: process.env.E2E_VIEWER_EMAIL!, password: process.env.E2E_VIEWER_PASSWORD! };
const formAlert = "form p[role=alert]";

test("a signed-out visitor is sent to sign in and brought back to the page asked for", async ({ page }) => {
  await signInThroughForm(page, "/variety?window=24h", admin.email, admin.password);
  await expect(page).toHaveURL(/\/variety\?window=24h$/);
  await expect(page.getByRole("heading", { level: 1, name: "Variety" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("E2E Admin");
});

test("a wrong password is refused with a sentence, and nothing else is said about the account", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(formAlert)).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue(viewer.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByLabel("Email").fill("nobody@vsm.example");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(formAlert)).toHaveText("That email and password do not match an account.");
  await page.screenshot({ path: "e2e/.artifacts/sign-in-refused.png" });
});

test("signing out ends the session: the console's pages and API refuse the old cookie's holder", async ({ page }) => {
  await signInThroughForm(page, "/signals", viewer.email, viewer.password);
  await expect(page.getByRole("heading", { level: 1, name: "Signals" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1$/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/diagnosis");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdiagnosis$/);
  const api = await page.request.post("/api/v1/observations", { data: [] });
  expect(api.status()).toBe(401);
});

test("the first-admin page refuses a made-up or spent link once accounts exist", async ({ page }) => {
  await page.goto("/first-admin?token=made-up");
  await expect(page.getByText("This link is used, expired or replaced")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create the admin account" })).toHaveCount(0);
});
