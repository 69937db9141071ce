import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDiagnosis, getVariety } from "@/lib/api/routes/analysis";
import { errorSchema } from "@/lib/api/schemas/common";
import { call, createApiHarness, person, raiseTestSignal, type ApiHarness } from "@/lib/testing/api-harness";
import { bearer, HARNESS_MODEL } from "@/lib/testing/telemetry-harness";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

/** Variety and diagnosis through REST: whole trees, each given to those who may read its root, as on their pages. */
let h: ApiHarness;
const NOW = Math.floor(Date.now() / 1000) * 1000;

beforeAll(async () => {
  h = await createApiHarness(`${HARNESS_MODEL}
  - path: globex
    name: Globex
    functions: { s2: {}, s3: {}, s3star: {}, s4: {}, s5: {} }
`);
  h.clock.now = NOW;
  // Two kinds of disturbance on Payments within the hour; one on Globex two days ago.
  await raiseTestSignal(h.db, "acme/ops/payments", NOW - 20 * MINUTE, { kind: "step" });
  await raiseTestSignal(h.db, "acme/ops/payments", NOW - 10 * MINUTE, { kind: "slope", indicator: "other-alert" });
  await raiseTestSignal(h.db, "globex", NOW - 2 * DAY);
});
afterAll(() => h.close());

async function variety(headers: Record<string, string>, query = "") {
  const response = await call(h.api.getVariety, `/api/v1/variety${query}`, { headers });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return getVariety.response.schema.parse(response.body);
}

describe("GET /api/v1/variety", () => {
  it("measures each tree over the window: two equally likely kinds of disturbance are one bit", async () => {
    const report = await variety(bearer("viewer", ""), "?window=1h");
    expect(report.window).toEqual({ from: NOW - HOUR, to: NOW });
    expect(report.partial).toBe(false);
    expect(report.empty).toBe(false);
    expect(report.trees.map((t) => [t.root.path, t.signals])).toEqual([
      ["acme", 2],
      ["globex", 0],
    ]);
    const payments = report.trees[0]!.systems.find((s) => s.path === "acme/ops/payments");
    expect(payments?.assessment.disturbance).toBeCloseTo(1, 12);
    expect(payments?.assessment.disturbances).toMatchObject({ events: 2, classes: 2 });
    // The seven-day window reaches Globex's signal.
    expect((await variety(bearer("viewer", ""), "?window=7d")).trees.map((t) => t.signals)).toEqual([2, 1]);
  });

  it("gives a tree only to readers of its root, and says when some of the model is left out", async () => {
    const acme = await variety(bearer("viewer", "acme"), "?window=1h");
    expect(acme.trees.map((t) => t.root.path)).toEqual(["acme"]);
    expect(acme.partial).toBe(true);
    const ops = await variety(bearer("viewer", "acme/ops"), "?window=1h");
    expect(ops).toMatchObject({ trees: [], partial: true, empty: true });
    expect((await variety(person({ role: "viewer", scope: "globex" }), "?window=1h")).trees.map((t) => t.root.path)).toEqual(["globex"]);
  });

  it("defaults to 24 hours and names a window it does not offer", async () => {
    expect((await variety(bearer("viewer", ""))).window).toEqual({ from: NOW - DAY, to: NOW });
    const bad = await call(h.api.getVariety, "/api/v1/variety?window=2h", { headers: bearer("viewer", "") });
    expect(bad.status).toBe(422);
    expect(errorSchema.parse(bad.body).error.details).toEqual([expect.objectContaining({ in: "query", path: "window" })]);
    expect((await call(h.api.getVariety, "/api/v1/variety", { headers: bearer("ingest", "") })).status).toBe(403);
  });
});

describe("GET /api/v1/diagnosis", () => {
  async function diagnosis(headers: Record<string, string>) {
    const response = await call(h.api.getDiagnosis, "/api/v1/diagnosis", { headers });
    expect(response.status).toBe(200);
    return getDiagnosis.response.schema.parse(response.body);
  }

  it("diagnoses every tree for a reader of the whole model, with the unassigned telemetry", async () => {
    const report = await diagnosis(bearer("viewer", ""));
    expect(report.trees.map((t) => [t.root, t.systemCount])).toEqual([
      ["acme", 4],
      ["globex", 1],
    ]);
    // Acme's root has none of S2–S5; Globex has all five.
    const missing = (root: string) =>
      report.trees
        .find((t) => t.root === root)!
        .findings.filter((f) => f.rule === "missing-function" && f.path === root)
        .map((f) => f.function);
    expect(missing("acme").sort()).toEqual(["s2", "s3", "s3star", "s4", "s5"]);
    expect(missing("globex")).toEqual([]);
    expect(report.unassigned).toEqual([]);
  });

  it("gives a tree only to readers of its root, and unassigned telemetry only to readers of the whole model", async () => {
    const acme = await diagnosis(bearer("operator", "acme"));
    expect(acme.trees.map((t) => t.root)).toEqual(["acme"]);
    expect(acme.unassigned).toBeNull();
    expect((await diagnosis(bearer("viewer", "acme/ops"))).trees).toEqual([]);
    expect((await call(h.api.getDiagnosis, "/api/v1/diagnosis")).status).toBe(401);
  });
});
