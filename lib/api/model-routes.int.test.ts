import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportModel, importModel } from "@/lib/api/routes/model";
import { errorSchema } from "@/lib/api/schemas/common";
import { recentAudit } from "@/lib/store/audit-events";
import { exportModel as readModel } from "@/lib/store/model-export";
import { call, createApiHarness, person, type ApiHarness } from "@/lib/testing/api-harness";
import { bearer } from "@/lib/testing/telemetry-harness";

/** The model file through REST: export for readers of the whole model, import for its admins, nothing stored from a bad file. */
let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(() => h.close());

const importing = (body: unknown, headers: Record<string, string>) => call(h.api.importModel, "/api/v1/model", { body, headers });
const systemCount = async () => (await h.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "system"`))[0]?.n;

describe("GET /api/v1/model", () => {
  it("exports the whole model as JSON, or as YAML when asked", async () => {
    const json = await call(h.api.exportModel, "/api/v1/model", { headers: bearer("viewer", "") });
    expect(json.status).toBe(200);
    const model = exportModel.response.schema.parse(json.body);
    expect(model).toEqual(await readModel(h.db));
    expect(model.systems.map((s) => s.path)).toEqual(["acme", "acme/ops", "acme/ops/payments", "acme/sales"]);
    const yaml = await call(h.api.exportModel, "/api/v1/model?format=yaml", { headers: bearer("viewer", "") });
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(parse(String(yaml.body))).toEqual(model);
  });

  it("is for readers of the whole model only", async () => {
    const partial = await call(h.api.exportModel, "/api/v1/model", { headers: bearer("admin", "acme") });
    expect(partial.status).toBe(403);
    expect(errorSchema.parse(partial.body).error.code).toBe("forbidden");
    expect((await call(h.api.exportModel, "/api/v1/model", { headers: bearer("ingest", "") })).status).toBe(403);
    expect((await call(h.api.exportModel, "/api/v1/model?format=xml", { headers: bearer("viewer", "") })).status).toBe(422);
  });
});

describe("POST /api/v1/model", () => {
  /** The stored model with one more unit: a valid file. */
  const withUnit = async (path: string) => {
    const model = await readModel(h.db);
    return {
      ...model,
      systems: [...model.systems, { path, name: "Team", indicators: [{ key: "load", name: "Load", unit: "%", direction: "down" }] }],
    };
  };

  it("imports a model file for an admin of the whole model, audited, and changes nothing the second time", async () => {
    const body = await withUnit("acme/ops/team");
    const response = await importing(body, person({ role: "admin", scope: "" }));
    expect(response.status).toBe(200);
    expect(importModel.response.schema.parse(response.body)).toEqual({
      systems: { created: 1, updated: 4 },
      indicators: { created: 1, updated: 4 },
      channels: { created: 0, removed: 0 },
    });
    expect((await recentAudit(h.db.sql, 1))[0]).toMatchObject({ actor: "user:ann@acme.example", action: "model.import" });
    expect((await readModel(h.db)).systems.map((s) => s.path)).toContain("acme/ops/team");
    const again = await importing(await readModel(h.db), bearer("admin", ""));
    expect(importModel.response.schema.parse(again.body).systems).toEqual({ created: 0, updated: 5 });
  });

  it("refuses everyone but admins of the whole model", async () => {
    const before = await systemCount();
    const body = await withUnit("acme/ops/other");
    for (const headers of [
      bearer("admin", "acme"),
      bearer("operator", ""),
      bearer("ingest", ""),
      person({ role: "admin", scope: "acme" }),
    ]) {
      expect((await importing(body, headers)).status).toBe(403);
    }
    expect((await importing(body, {})).status).toBe(401);
    expect(await systemCount()).toBe(before);
  });

  it("refuses a bad file whole, naming each problem by its path in the file, and stores none of it", async () => {
    const before = { systems: await systemCount(), audit: (await recentAudit(h.db.sql, 10_000)).length };
    const model = await readModel(h.db);
    const cases: [unknown, number, string[]][] = [
      // Well-formed, but its values break the file's rules: a new system before the bad one must not be stored either.
      [
        { ...model, systems: [...model.systems, { path: "acme/new", name: "New" }, { path: "acme/sales", name: "Twice" }] },
        422,
        ["systems[6].path"],
      ],
      [{ ...model, systems: [...model.systems, { path: "nowhere/unit", name: "Orphan" }] }, 422, ["systems[5].path"]],
      [{ ...model, systems: [{ path: "acme", name: "" }] }, 422, ["systems[0].name"]],
      // Malformed: a field missing, a field unknown, the wrong version.
      [{ ...model, systems: [{ path: "acme" }] }, 400, ["systems[0].name"]],
      [{ ...model, owner: "me" }, 400, [""]],
      [{ ...model, version: 2 }, 422, ["version"]],
    ];
    for (const [body, status, paths] of cases) {
      const response = await importing(body, bearer("admin", ""));
      expect(response.status, JSON.stringify(paths)).toBe(status);
      const details = errorSchema.parse(response.body).error.details as { in: string; path: string }[];
      expect(details.map((d) => d.path)).toEqual(paths);
      expect(details.every((d) => d.in === "body")).toBe(true);
    }
    const notJson = await call(h.api.importModel, "/api/v1/model", {
      body: "version: 1",
      headers: { ...bearer("admin", ""), "content-type": "application/yaml" },
    });
    expect(notJson.status).toBe(415);
    expect({ systems: await systemCount(), audit: (await recentAudit(h.db.sql, 10_000)).length }).toEqual(before);
  });
});
