import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RouteHandler } from "@/lib/http";
import { ROUTE_METHODS } from "@/lib/http/http-methods";

/**
 * Every /api route must export every method (through routeMethods), or Next answers the missing
 * ones itself: a bare 405 with no JSON body and no Allow. This finds a route that forgot.
 */
const apiDir = path.join(import.meta.dirname, "../../app/api");
const routeFiles = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .map((file) => path.join(apiDir, file));

async function load(file: string): Promise<Partial<Record<string, RouteHandler>>> {
  return (await import(file)) as Partial<Record<string, RouteHandler>>;
}

describe("/api route files", () => {
  it("are found", () => {
    expect(routeFiles.map((file) => path.relative(apiDir, file)).sort()).toEqual(
      expect.arrayContaining(["[[...rest]]/route.ts", "health/route.ts", "ready/route.ts"]),
    );
  });

  it.each(routeFiles.map((file) => [path.relative(apiDir, file), file]))("%s exports every method", async (_name, file) => {
    const route = await load(file);
    for (const method of ROUTE_METHODS) expect(typeof route[method], method).toBe("function");
  });

  it.each(routeFiles.filter((file) => !file.includes("[[...rest]]")).map((file) => [path.relative(apiDir, file), file]))(
    "%s answers the methods it does not allow with a JSON 405 listing those it does",
    async (_name, file) => {
      const route = await load(file);
      const options = await route.OPTIONS?.(new Request("http://localhost/", { method: "OPTIONS" }));
      const allow = options?.headers.get("allow")?.split(", ") ?? [];
      expect(allow).toContain("OPTIONS");
      for (const method of ROUTE_METHODS.filter((m) => !allow.includes(m))) {
        const response = await route[method]?.(new Request("http://localhost/", { method }));
        expect(response?.status, method).toBe(405);
        expect(response?.headers.get("allow")).toBe(allow.join(", "));
        expect((await response?.json()).error.code).toBe("method_not_allowed");
      }
    },
  );

  it("the catch-all answers every method with a JSON 404", async () => {
    const route = await load(path.join(apiDir, "[[...rest]]/route.ts"));
    for (const method of ROUTE_METHODS) {
      const response = await route[method]?.(new Request("http://localhost/api/nope/deeper", { method }));
      expect(response?.status, method).toBe(404);
      if (method !== "HEAD") {
        expect(await response?.json()).toEqual({ error: { code: "not_found", message: "No API route at /api/nope/deeper" } });
      }
    }
  });
});
