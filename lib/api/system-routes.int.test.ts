import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listIndicators, listSystems, listUnits } from "@/lib/api/routes/systems";
import { errorSchema } from "@/lib/api/schemas/common";
import { call, createApiHarness, person, type ApiHarness } from "@/lib/testing/api-harness";
import { bearer, post } from "@/lib/testing/telemetry-harness";
import { MINUTE } from "@/lib/vsm/types";

/** Systems, units and indicators through the REST handlers, on a real database with real keys. */
let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const systems = async (headers: Record<string, string>, query = "") => {
  const response = await call(h.api.listSystems, `/api/v1/systems${query}`, { headers });
  expect(response.status).toBe(200);
  return listSystems.response.schema.parse(response.body).systems;
};

describe("GET /api/v1/systems", () => {
  it("lists the whole model to its readers, each system before its units, with what it has", async () => {
    const all = await systems(bearer("viewer", ""));
    expect(all.map((s) => s.path)).toEqual(["acme", "acme/ops", "acme/ops/payments", "acme/sales"]);
    expect(all.find((s) => s.path === "acme/ops/payments")).toEqual({
      path: "acme/ops/payments",
      parent: "acme/ops",
      level: 2,
      name: "Payments",
      purpose: "",
      owner: null,
      functions: { s2: false, s3: false, s3star: false, s4: false, s5: false },
      indicatorCount: 3,
      openSignals: { pain: 0, pleasure: 0 },
    });
    expect(all[0]).toMatchObject({ path: "acme", parent: null, level: 0 });
  });

  it("shows a reader of a subtree that subtree only, and `under` narrows it but never widens it", async () => {
    const ops = bearer("viewer", "acme/ops");
    expect((await systems(ops)).map((s) => s.path)).toEqual(["acme/ops", "acme/ops/payments"]);
    expect((await systems(ops, "?under=acme")).map((s) => s.path)).toEqual(["acme/ops", "acme/ops/payments"]);
    expect((await systems(ops, "?under=acme/ops/payments")).map((s) => s.path)).toEqual(["acme/ops/payments"]);
    expect(await systems(ops, "?under=acme/sales")).toEqual([]);
    expect((await systems(person({ role: "operator", scope: "acme/sales" }))).map((s) => s.path)).toEqual(["acme/sales"]);
  });

  it("refuses nobody (401) and ingest keys, which cannot read (403)", async () => {
    expect((await call(h.api.listSystems, "/api/v1/systems")).status).toBe(401);
    const ingest = await call(h.api.listSystems, "/api/v1/systems", { headers: bearer("ingest", "") });
    expect(ingest.status).toBe(403);
    expect(errorSchema.parse(ingest.body).error.code).toBe("forbidden");
  });

  it("names a bad parameter: 422 for a path that is no path, 400 for a parameter it does not know", async () => {
    const bad = await call(h.api.listSystems, "/api/v1/systems?under=Acme/", { headers: bearer("viewer", "") });
    expect(bad.status).toBe(422);
    expect(errorSchema.parse(bad.body).error.details).toEqual([
      { in: "query", path: "under", message: expect.stringContaining("unit path") },
    ]);
    const unknown = await call(h.api.listSystems, "/api/v1/systems?undr=acme", { headers: bearer("viewer", "") });
    expect(unknown.status).toBe(400);
    expect(errorSchema.parse(unknown.body).error.details).toEqual([{ in: "query", path: "", message: expect.stringContaining("undr") }]);
  });
});

describe("GET /api/v1/units", () => {
  const units = (system: string, headers: Record<string, string>) => call(h.api.listUnits, `/api/v1/units?system=${system}`, { headers });

  it("lists a system's S1 units: its children", async () => {
    const response = await units("acme", bearer("viewer", ""));
    expect(response.status).toBe(200);
    const body = listUnits.response.schema.parse(response.body);
    expect(body.system).toBe("acme");
    expect(body.units.map((u) => u.path)).toEqual(["acme/ops", "acme/sales"]);
    expect(listUnits.response.schema.parse((await units("acme/ops/payments", bearer("viewer", ""))).body).units).toEqual([]);
  });

  it("lists to a reader of one unit that unit alone, and tells nothing of systems outside their subtrees", async () => {
    const ops = bearer("viewer", "acme/ops");
    expect(listUnits.response.schema.parse((await units("acme", ops)).body).units.map((u) => u.path)).toEqual(["acme/ops"]);
    // acme/sales exists, acme/nope does not: the same answer.
    for (const system of ["acme/sales", "acme/nope"]) {
      const response = await units(system, ops);
      expect(response.status, system).toBe(404);
      expect(errorSchema.parse(response.body).error.code).toBe("not_found");
    }
    expect((await units("acme/nope", bearer("viewer", ""))).status).toBe(404);
  });

  it("needs the system named (400 without it)", async () => {
    const response = await call(h.api.listUnits, "/api/v1/units", { headers: bearer("viewer", "") });
    expect(response.status).toBe(400);
    expect(errorSchema.parse(response.body).error.details).toEqual([{ in: "query", path: "system", message: expect.any(String) }]);
  });
});

describe("GET /api/v1/indicators", () => {
  const indicators = (unit: string, headers: Record<string, string>) =>
    call(h.api.listIndicators, `/api/v1/indicators?unit=${unit}`, { headers });

  it("lists a unit's indicators, with no filter state before any data", async () => {
    const response = await indicators("acme/ops/payments", bearer("viewer", "acme/ops"));
    expect(response.status).toBe(200);
    const body = listIndicators.response.schema.parse(response.body);
    expect(body.indicators.map((i) => i.key)).toEqual(["http-requests-total", "latency-p99", "queue-depth"]);
    expect(body.indicators.find((i) => i.key === "latency-p99")).toEqual({
      key: "latency-p99",
      name: "p99 latency",
      unit: "ms",
      direction: "down",
      index: "raw",
      scope: "operations",
      family: null,
      capability: null,
      potentiality: null,
      filter: null,
    });
    expect(listIndicators.response.schema.parse((await indicators("acme/ops", bearer("viewer", ""))).body).indicators).toEqual([]);
  });

  it("gives where the filter stands once points have stepped it, and the learnt level of its last checkpoint", async () => {
    const start = Math.floor(Date.now() / MINUTE) * MINUTE - 600 * MINUTE;
    const send = async (from: number, count: number) => {
      const observations = Array.from({ length: count }, (_, k) => ({
        unit: "acme/ops/payments",
        indicator: "queue-depth",
        time: start + (from + k) * MINUTE,
        value: 40 + ((from + k) % 3),
      }));
      const body = JSON.stringify({ observations });
      const sent = await h.routes.observations(
        post("/api/v1/observations", body, { "content-type": "application/json", ...bearer("ingest", "") }),
      );
      expect(sent.status).toBe(200);
    };
    const queueDepth = async () =>
      listIndicators.response.schema
        .parse((await indicators("acme/ops/payments", bearer("viewer", ""))).body)
        .indicators.find((i) => i.key === "queue-depth")?.filter;

    await send(0, 120);
    // Checkpoints are written every 500 steps or 5 minutes (docs/design.md §5): none yet.
    expect(await queueDepth()).toEqual({ points: 120, steppedThrough: start + 119 * MINUTE, checkpoint: null });

    await send(120, 400);
    const filter = await queueDepth();
    expect(filter).toMatchObject({ points: 520, steppedThrough: start + 519 * MINUTE });
    expect(filter?.checkpoint).toMatchObject({
      points: 520,
      steppedThrough: start + 519 * MINUTE,
      state: { ready: true, interval: MINUTE },
    });
    expect(filter?.checkpoint?.state?.level?.mean).toBeGreaterThan(40);
    expect(filter?.checkpoint?.state?.level?.mean).toBeLessThan(42);
  });

  it("answers 404 for a unit outside the reader's subtrees, as for one that does not exist", async () => {
    for (const unit of ["acme/sales", "acme/ops/nope"]) {
      expect((await indicators(unit, bearer("viewer", "acme/ops"))).status, unit).toBe(404);
    }
    expect((await indicators("acme/ops/payments", bearer("ingest", "acme/ops"))).status).toBe(403);
  });
});
