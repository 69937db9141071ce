import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * Points that named no known unit or indicator are counted, never dropped (docs/design.md §4), and
 * the Diagnosis page says so per source. Posted through the app's own endpoints with the ingest
 * key the e2e runner created (lib/cli/e2e-data.ts): 1,234 OTLP points under 3 names, 7 JSON
 * points, 2 alerts; nothing over Prometheus remote-write, which therefore gets no line.
 */
const key = process.env.E2E_INGEST_KEY;
const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };

const now = Date.now();
const times = (n: number, offset: number) => Array.from({ length: n }, (_, i) => now - offset - (n - i) * 1_000);

function otlpGauge(unit: string | null, metric: string, points: number, offset: number) {
  return {
    resource: { attributes: unit === null ? [] : [{ key: "vsm.unit", value: { stringValue: unit } }] },
    scopeMetrics: [
      {
        metrics: [
          {
            name: metric,
            gauge: { dataPoints: times(points, offset).map((t, i) => ({ timeUnixNano: `${t}000000`, asDouble: i })) },
          },
        ],
      },
    ],
  };
}

async function post(request: APIRequestContext, path: string, data: unknown, status: number) {
  const response = await request.post(path, { headers, data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
}

test("diagnosis says per source how many points named unknown units or indicators, and lists the names", async ({ page, request }) => {
  expect(key, "run through npm run test:e2e, which creates the ingest key").toBeTruthy();
  // OTLP answers 200 with partial success; the JSON batch is all or nothing (422) but still counted.
  await post(
    request,
    "/api/otlp/v1/metrics",
    {
      resourceMetrics: [
        otlpGauge("acme/payments/checkout", "queue.depth", 1_200, 600_000),
        otlpGauge(null, "process.cpu.seconds", 4, 300_000),
        otlpGauge("acme/payments/loyalty", "score.p99", 30, 0),
      ],
    },
    200,
  );
  await post(
    request,
    "/api/v1/observations",
    { observations: times(7, 0).map((time, i) => ({ unit: "acme/payments/vouchers", indicator: "refund-latency", time, value: i })) },
    422,
  );
  const alert = (alertname: string) => ({
    labels: { alertname, vsm_unit: "acme/payments/loyalty" },
    annotations: {},
    startsAt: new Date(now - 60_000).toISOString(),
  });
  await post(request, "/api/v2/alerts", [alert("LoyaltyScoreHigh"), alert("LoyaltyModelStale")], 200);

  await page.goto("/diagnosis");
  const section = page.getByRole("region", { name: "Unassigned telemetry" });
  await expect(section.getByRole("heading", { level: 3 })).toHaveText([
    "7 points for 1 unknown indicator from the JSON API",
    "1,234 points for 3 unknown indicators from OTLP",
    "2 alerts for 1 unknown unit from Alertmanager",
  ]);
  await expect(section.getByText(/Prometheus/)).toHaveCount(0);

  const otlp = section.getByRole("table", { name: "Unassigned names from OTLP" });
  await expect(otlp).toBeHidden();
  await section.getByRole("article", { name: "1,234 points for 3 unknown indicators from OTLP" }).getByText("Names (3)").click();
  await expect(otlp).toBeVisible();
  const rows = otlp.getByRole("row");
  // A header, then one row per name. One request counts all three at the same moment, so the
  // most-recent-first order falls back to the unit path, none first.
  await expect(rows).toHaveCount(4);
  const minute = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/;
  for (const [i, cells] of [
    [1, ["—", "process-cpu-seconds", "no unit named", "4"]],
    [2, ["acme/payments/checkout", "queue-depth", "indicator not in the model", "1,200"]],
    [3, ["acme/payments/loyalty", "score-p99", "unit not in the model", "30"]],
  ] as const) {
    const row = rows.nth(i).getByRole("cell");
    await expect(row).toHaveText([...cells, minute, minute]);
  }
  // Clicking scrolled the page; from the top, the sticky navigation sits where a reader sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "e2e/.artifacts/diagnosis-unassigned.png", fullPage: true });
});
