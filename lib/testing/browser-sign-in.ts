import type { Page } from "@playwright/test";

/**
 * Opens `url` (a path or a full URL), which sends a signed-out browser to the sign-in page, and
 * signs in there through the real form; resolves once the browser has left the sign-in page.
 */
export async function signInThroughForm(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((at) => !at.pathname.startsWith("/sign-in"));
}
