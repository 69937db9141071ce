import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertsAnswer, observationsAnswer } from "@/lib/api/routes/ingest";
import { createApiHarness, type ApiHarness } from "@/lib/testing/api-harness";
import { bearer, post } from "@/lib/testing/telemetry-harness";

/**
 * The telemetry endpoints are documented, not built, from the API table (lib/api/routes/ingest.ts):
 * their real answers are held to the documented schemas here, so the two cannot drift apart.
 */
let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const JSON_TYPE = { "content-type": "application/json" };

describe("the documented answers of the telemetry endpoints", () => {
  it("POST /api/v1/observations answers an IngestSummary", async () => {
    const time = Date.now() - 60_000;
    const body = JSON.stringify({ observations: [{ unit: "acme/sales", indicator: "orders", time, value: 12 }] });
    const response = await h.routes.observations(post("/api/v1/observations", body, { ...JSON_TYPE, ...bearer("ingest", "") }));
    expect(response.status).toBe(200);
    expect(observationsAnswer.strict().parse(await response.json())).toMatchObject({ received: 1, stored: 1 });
  });

  it("POST /api/v2/alerts answers an AlertsSummary", async () => {
    const body = JSON.stringify([
      { labels: { alertname: "HighLatency", vsm_unit: "acme/ops/payments" } },
      { labels: { alertname: "X", vsm_unit: "nope" } },
    ]);
    const response = await h.routes.alerts(post("/api/v2/alerts", body, { ...JSON_TYPE, ...bearer("ingest", "") }));
    expect(response.status).toBe(200);
    expect(alertsAnswer.strict().parse(await response.json())).toEqual({ received: 2, created: 2, updated: 0, unassigned: 1 });
  });
});
