import { expect, test } from "@playwright/test";
import { signInThroughForm } from "./sign-in-helper";

/**
 * An operator works a signal from its page (docs/access.md "Acting on signals"): a step in the
 * Payments API's error rate (lower is better), posted with the e2e ingest key, becomes a pain
 * signal; the signed-in admin acknowledges it with an ETA, notes and resolves it, each shown on the
 * timeline; a viewer of acme/payments reads the same page with no buttons. This file runs after
 * variety.spec.ts (files run in name order), whose figures count operators' responses.
 */
const key = process.env.E2E_INGEST_KEY;
const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const UNIT = "acme/payments/checkout/payments-api";
const MINUTE = 60_000;

test("a signed-in operator acknowledges, notes and resolves a signal from its page; a viewer sees no buttons", async ({
  page,
  browser,
  request,
}) => {
  const now = Date.now();
  let state = 99;
  const points = Array.from({ length: 300 }, (_, i) => {
    state = (state * 16807) % 2147483647;
    return {
      unit: UNIT,
      indicator: "error-rate",
      time: now - (300 - i) * MINUTE,
      value: 0.5 + 0.05 * (state / 2147483647 - 0.5) + (i >= 280 ? 1 : 0),
    };
  });
  for (let i = 0; i < points.length; i += 100) {
    const response = await request.post("/api/v1/observations", { headers, data: { observations: points.slice(i, i + 100) } });
    expect(response.status(), await response.text()).toBe(200);
  }

  await page.goto("/signals");
  await page
    .getByRole("table", { name: "Signals" })
    .getByRole("row", { name: /step on error-rate/ })
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("step on error-rate");
  const signalPath = new URL(page.url()).pathname;
  const timeline = page.getByRole("list", { name: "Timeline" });

  const acknowledge = page.getByRole("form", { name: "Acknowledge" });
  await acknowledge.getByLabel("Expected fixed within (minutes, optional)").fill("30");
  await acknowledge.getByLabel("Note (optional)").fill("rolling back the deploy");
  await acknowledge.getByRole("button", { name: "Acknowledge" }).click();
  await expect(acknowledge.getByRole("status")).toHaveText("Acknowledged; expected fixed within 30 minutes.");
  await expect(timeline.getByText("rolling back the deploy")).toBeVisible();
  await expect(timeline.getByText(/by e2e-admin@vsm\.example/).first()).toBeVisible();

  const note = page.getByRole("form", { name: "Note" });
  await note.getByLabel("Note").fill("rollback at 40 %");
  await note.getByRole("button", { name: "Add note" }).click();
  await expect(note.getByRole("status")).toHaveText("Note added.");
  await expect(timeline.getByText("rollback at 40 %")).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/signal-actions.png", fullPage: true });

  // The viewer of acme/payments may read this signal but not act on it.
  const viewerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewerPage = await viewerContext.newPage();
  await signInThroughForm(viewerPage, signalPath, process.env.E2E_VIEWER_EMAIL!, process.env.E2E_VIEWER_PASSWORD!);
  await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText("step on error-rate");
  await expect(viewerPage.getByRole("region", { name: "Act on this signal" })).toHaveCount(0);
  await viewerContext.close();

  const resolve = page.getByRole("form", { name: "Resolve" });
  await resolve.getByLabel("Resolution").selectOption("fixed");
  await resolve.getByLabel("Reason").fill("rolled back to the previous release");
  await resolve.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("region", { name: "Act on this signal" })).toHaveCount(0);
  await expect(timeline.getByText("rolled back to the previous release")).toBeVisible();
});
