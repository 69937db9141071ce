import { expect, test } from "@playwright/test";

/**
 * A step in real telemetry becomes a signal that climbs the recursion (docs/signals.md), end to
 * end through the built console: 700 points of the Payments API's p99 latency, one a minute up to
 * now, posted to the JSON endpoint with the e2e ingest key; the latency steps up by 40 ms (pain:
 * lower is better) 200 minutes ago. The unit is at level 3, whose default allowance is 30 minutes
 * and its parent's an hour, so the console's own deadline worker, which fires every few seconds,
 * has escalations to catch up on as soon as the signal exists. The Signals page is open while the
 * points arrive and shows the signal by itself, from the live stream (docs/live-stream.md).
 */
const key = process.env.E2E_INGEST_KEY;
const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const UNIT = "acme/payments/checkout/payments-api";
const MINUTE = 60_000;

/** A fixed, seeded noise (Park–Miller), so the run is the same every time. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
}

test("a step in the telemetry is listed as a pain signal whose timeline shows it confirmed and escalated", async ({ page, request }) => {
  expect(key, "run through npm run test:e2e, which creates the ingest key").toBeTruthy();
  // The page is open before the telemetry arrives: the signal must appear on it without a reload.
  await page.goto("/signals");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  const now = Date.now();
  const next = noise(42);
  const points = Array.from({ length: 700 }, (_, i) => ({
    unit: UNIT,
    indicator: "latency-p99",
    time: now - (700 - i) * MINUTE,
    value: 120 + 4 * next() + (i >= 500 ? 40 : 0),
  }));
  for (let i = 0; i < points.length; i += 100) {
    const response = await request.post("/api/v1/observations", { headers, data: { observations: points.slice(i, i + 100) } });
    expect(response.status(), await response.text()).toBe(200);
  }

  const table = page.getByRole("table", { name: "Signals" });
  const row = table.getByRole("row", { name: /step on latency-p99/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(2)).toHaveText(UNIT);
  await expect(row.getByText("pain")).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/signals.png", fullPage: true });

  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("step on latency-p99");
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "provisional → open" })).toHaveCount(1);
  // The worker runs every 5 s; reload until its escalations are in the timeline.
  await expect(async () => {
    await page.reload();
    await expect(timeline.getByText(/escalated to /).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(timeline.getByText(/escalated to acme\/payments\/checkout \(level 2\)/)).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/signal-timeline.png", fullPage: true });
});
