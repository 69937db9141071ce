import { expect, test } from "@playwright/test";

/**
 * Variety measured from stored signals (docs/variety.md), end to end through the built console:
 * 400 points, one a minute up to now, of two units' indicators under Checkout — the Payment
 * Worker's queue depth and the Ledger Database's replication lag, both better lower — each with a
 * step up 20 minutes ago: well within every window the page offers. One disturbance at each unit;
 * two classes of disturbance (1 bit) for Checkout, which has recorded no response to them. The
 * example gives Acme short allowances (levels 3 to 0: 2, 5, 10 and 20 minutes), so as soon as the
 * console's deadline worker runs, both signals have climbed to the root (after 17 minutes) and
 * neither is overdue there yet (37 minutes).
 */
const key = process.env.E2E_INGEST_KEY;
const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const CHECKOUT = "acme/payments/checkout";
const WORKER = `${CHECKOUT}/payment-worker`;
const LEDGER = `${CHECKOUT}/ledger-db`;
const MINUTE = 60_000;

/** A fixed, seeded noise (Park–Miller), so the run is the same every time. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
}

test("steps in the telemetry are measured as disturbance variety at their units and every system above them", async ({ page, request }) => {
  expect(key, "run through npm run test:e2e, which creates the ingest key").toBeTruthy();
  const now = Date.now();
  const series = [
    { unit: WORKER, indicator: "queue-depth", seed: 7, level: 40, noise: 3, step: 60 },
    { unit: LEDGER, indicator: "replication-lag", seed: 11, level: 2, noise: 0.2, step: 3 },
  ];
  for (const { unit, indicator, seed, level, noise: spread, step } of series) {
    const next = noise(seed);
    const points = Array.from({ length: 400 }, (_, i) => ({
      unit,
      indicator,
      time: now - (400 - i) * MINUTE,
      value: level + spread * next() + (i >= 380 ? step : 0),
    }));
    for (let i = 0; i < points.length; i += 100) {
      const response = await request.post("/api/v1/observations", { headers, data: { observations: points.slice(i, i + 100) } });
      expect(response.status(), await response.text()).toBe(200);
    }
  }

  // The worker runs every 5 s: reload until it has passed both signals up to the root.
  const levels = page.getByRole("table", { name: "Variety per level in Acme Cloud" });
  await expect(async () => {
    await page.goto("/variety?window=1h");
    await expect(levels.getByRole("rowheader", { name: /^Level 0 \(root\) — 2 items in/ })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("navigation", { name: "Window" }).getByRole("link", { name: "last hour" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const systems = page.getByRole("table", { name: "Variety of each system in Acme Cloud" });
  const row = (path: string) => systems.getByRole("row", { name: new RegExp(`^${path} `) });
  // Each unit: one signal, one class of disturbance (0 bits), no response recorded (0 bits): nothing unregulated.
  for (const unit of [WORKER, LEDGER]) {
    await expect(row(unit)).toHaveCount(1);
    await expect(row(unit).getByRole("cell")).toHaveText(["0.00", "0.00", "0.00", /^Balanced/, "1 / 1", "0 / 0"]);
  }
  // Checkout: two classes, once each, through two units (1 bit), met by no response: a deficit of 1 bit, above the 0.5 tolerance.
  await expect(row(CHECKOUT).getByRole("cell")).toHaveText(["1.00", "0.00", "1.00", /^Under-regulated/, "2 / 2", "0 / 0"]);
  await expect(row("acme")).toHaveCount(1);
  await expect(row("acme/payments")).toHaveCount(1);

  // Both signals entered level 3 (two classes: 1 bit) and each level below the root passed both up.
  for (const level of [3, 2, 1])
    await expect(
      levels.getByRole("rowheader", { name: new RegExp(`^Level ${level} — 2 items in, 1\\.00 bits; 2 out, 1\\.00 bits`) }),
    ).toHaveCount(1);
  // The root has nowhere to pass them: it has no escalation stage.
  await expect(levels.getByRole("rowheader", { name: /^Escalation/ })).toHaveCount(3);
  await page.screenshot({ path: "e2e/.artifacts/variety.png", fullPage: true });

  // The window is in the URL: the longer windows hold the same signals of these two units (other
  // specs' telemetry, hours old, may add disturbances elsewhere under Checkout).
  await page.getByRole("link", { name: "last 7 days" }).click();
  await expect(page).toHaveURL("/variety?window=7d");
  await expect(page.getByRole("navigation", { name: "Window" }).getByRole("link", { name: "last 7 days" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  for (const unit of [WORKER, LEDGER]) await expect(row(unit).getByRole("cell").nth(4)).toHaveText("1 / 1");
});
