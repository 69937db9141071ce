import { expect, test } from "@playwright/test";

/**
 * Points that named no known unit or indicator are counted, never dropped (docs/design.md §4); the
 * Diagnosis page says so per source. The runner counts them before the server starts
 * (lib/cli/e2e-data.ts): 12,034 OTLP points under 3 names, 7 JSON points, 2 alerts, no Prometheus.
 */
test("diagnosis says per source how many points named unknown units or indicators, and lists the names", async ({ page }) => {
  await page.goto("/diagnosis");
  const section = page.getByRole("region", { name: "Unassigned telemetry" });
  await expect(section.getByRole("heading", { level: 3 })).toHaveText([
    "7 points for 1 unknown indicator from the JSON API",
    "12,034 points for 3 unknown indicators from OTLP",
    "2 alerts for 1 unknown unit from Alertmanager",
  ]);
  await expect(section.getByText(/Prometheus/)).toHaveCount(0);

  const otlp = section.getByRole("table", { name: "Unassigned names from OTLP" });
  await expect(otlp).toBeHidden();
  await section.getByRole("article", { name: "12,034 points for 3 unknown indicators from OTLP" }).getByText("Names (3)").click();
  await expect(otlp).toBeVisible();
  const rows = otlp.getByRole("row");
  // A header, then the names seen most recently first (at the same time: by unit, none first).
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1).getByRole("cell")).toHaveText([
    "acme/payments/fraud",
    "score-p99",
    "unit not in the model",
    "4",
    "2026-11-30 10:40 UTC",
    "2026-11-30 10:40 UTC",
  ]);
  await expect(rows.nth(2).getByRole("cell")).toHaveText([
    "—",
    "process-cpu-seconds",
    "no unit named",
    "30",
    "2026-11-30 09:15 UTC",
    "2026-11-30 09:15 UTC",
  ]);
  await expect(rows.nth(3).getByRole("cell")).toHaveText([
    "acme/payments/checkout",
    "queue-depth",
    "indicator not in the model",
    "12,000",
    "2026-11-30 08:00 UTC",
    "2026-11-30 09:15 UTC",
  ]);
  await page.screenshot({ path: "e2e/.artifacts/diagnosis-unassigned.png", fullPage: true });
});
