import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, signInThroughForm } from "./sign-in-helper";

/** Signs in once through the real form as the e2e admin (lib/cli/e2e-data.ts) and keeps the cookie for the specs. */
setup("sign in as the e2e admin", async ({ page }) => {
  await signInThroughForm(page, "/", process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
