import { Validator } from "@seriousme/openapi-schema-validator";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/lib/api/api-routes";
import { openApiDocument } from "@/lib/api/openapi-document";
import { API_ROUTES } from "@/lib/api/route-table";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { createRouteWrapper } from "@/lib/http";

const document = openApiDocument();
type Operation = { operationId?: string; security?: unknown[]; parameters?: { name: string; in: string; required?: boolean }[] } & Record<
  string,
  unknown
>;
const operation = (path: string, method: string) => (document.paths?.[path] as Record<string, Operation> | undefined)?.[method];

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    // As served: JSON (which also leaves the cached document as built; the validator keeps what it is given).
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // And the validator does refuse a broken one: a parameter without its required `in`.
    const broken = structuredClone(document) as { paths: Record<string, { get?: { parameters?: Record<string, unknown>[] } }> };
    delete broken.paths["/api/v1/observations"]?.get?.parameters?.[0]?.in;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("lists every route of the table once, under its own operationId", () => {
    const ids = Object.values(document.paths ?? {}).flatMap((item) =>
      Object.values(item as Record<string, Operation>).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const route of API_ROUTES) expect(operation(route.path, route.method)?.operationId, route.operationId).toBe(route.operationId);
  });

  it("states the credentials each route needs: an API key or the session, the document itself included", () => {
    expect(Object.keys(document.components?.securitySchemes ?? {}).sort()).toEqual(["apiKey", "session"]);
    for (const route of API_ROUTES) {
      const op = operation(route.path, route.method);
      expect(op?.["x-permission"], route.operationId).toBe(route.permission);
      expect(op?.security, route.operationId).toEqual(route.permission === "public" ? [] : [{ apiKey: [] }, { session: [] }]);
    }
    expect(operation("/api/v1/openapi.json", "get")?.security).toEqual([{ apiKey: [] }, { session: [] }]);
  });

  it("marks required query parameters as required, and describes path parameters", () => {
    const params = operation("/api/v1/observations", "get")?.parameters ?? [];
    expect(params.map((p) => [p.name, p.in, p.required === true])).toEqual([
      ["unit", "query", true],
      ["indicator", "query", true],
      ["from", "query", true],
      ["to", "query", true],
      ["step", "query", true],
    ]);
    expect(operation("/api/v1/signals/{id}/acknowledge", "post")?.parameters).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true }),
    ]);
  });

  it("describes the refusals: 404 where a route names a thing, 400 and 422 where it takes input, 401 and 403 unless public", () => {
    const statuses = (path: string, method: string) => Object.keys((operation(path, method)?.responses as object | undefined) ?? {});
    expect(statuses("/api/v1/signals/{id}", "get")).toEqual(["200", "400", "401", "403", "404", "422", "429", "500"]);
    expect(statuses("/api/v1/model", "post")).toEqual(["200", "400", "401", "403", "413", "415", "422", "429", "500"]);
    expect(statuses("/api/v1/openapi.json", "get")).toEqual(["200", "401", "403", "429", "500"]);
  });

  it("documents the telemetry endpoints with their decoders' schemas", () => {
    for (const [path, id] of [
      ["/api/v1/observations", "postObservations"],
      ["/api/otlp/v1/metrics", "postOtlpMetrics"],
      ["/api/v1/write", "postRemoteWrite"],
      ["/api/v2/alerts", "postAlerts"],
    ] as const) {
      expect(operation(path, "post")?.operationId).toBe(id);
    }
  });

  it("is served to a reader, and to nobody anonymous", async () => {
    const served = (actor: Actor) => {
      const withRoute = createRouteWrapper({ resolver: { resolve: async () => actor }, log: pino({ level: "silent" }) });
      const routes = apiRoutes(withRoute, { database: () => Promise.reject(new Error("the document needs no database")), now: Date.now });
      return routes.getOpenApiDocument(new Request("http://localhost/api/v1/openapi.json"));
    };
    const reader = await served({ kind: "api_key", keyId: "k1", role: "viewer", scope: "acme" });
    expect(reader.status).toBe(200);
    expect(await reader.json()).toEqual(JSON.parse(JSON.stringify(document)));
    expect((await served(ANONYMOUS)).status).toBe(401);
  });
});
