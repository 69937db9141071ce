import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi-document";
import { API_ROUTES } from "@/lib/api/route-table";
import type { RouteHandler } from "@/lib/http";

/**
 * The document cannot drift from the code: every method a route file under /api/v1 (and the
 * telemetry endpoints elsewhere) answers is in the document, and every route of the table has its
 * file answering it. The live stream is left out: it is a server-sent event stream, described in
 * its own document, not a JSON operation.
 */
const APP = path.join(import.meta.dirname, "../../app");
const DOCUMENTED_TREES = ["api/v1", "api/otlp", "api/v2"];
const LEFT_OUT = ["api/v1/stream"];

function routeFiles(): string[] {
  return DOCUMENTED_TREES.flatMap((tree) =>
    readdirSync(path.join(APP, tree), { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => path.posix.join(tree, path.dirname(file).split(path.sep).join("/"))),
  ).filter((dir) => !LEFT_OUT.some((out) => dir === out || dir.startsWith(`${out}/`)));
}

/** app/api/v1/signals/[id]/acknowledge → /api/v1/signals/{id}/acknowledge */
const openApiPath = (dir: string) => `/${dir.replace(/\[([^\]]+)\]/g, "{$1}")}`;
const fileOf = (openapi: string) => path.join(APP, openapi.slice(1).replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");

async function allowed(dir: string): Promise<string[]> {
  const route = (await import(path.join(APP, dir, "route.ts"))) as Partial<Record<string, RouteHandler>>;
  const response = await route.OPTIONS?.(new Request("http://localhost/", { method: "OPTIONS" }));
  return (response?.headers.get("allow") ?? "").split(", ").filter((method) => method !== "HEAD" && method !== "OPTIONS" && method !== "");
}

const paths = openApiDocument().paths ?? {};

describe("the OpenAPI document against the route files", () => {
  const dirs = routeFiles();

  it("finds the route files", () => {
    expect(dirs).toEqual(
      expect.arrayContaining(["api/v1/signals", "api/v1/signals/[id]/acknowledge", "api/otlp/v1/metrics", "api/v2/alerts"]),
    );
  });

  it.each(dirs)("%s: every method it answers is documented", async (dir) => {
    const methods = await allowed(dir);
    expect(methods.length, "a route file that answers nothing").toBeGreaterThan(0);
    const item = paths[openApiPath(dir)] as Record<string, unknown> | undefined;
    for (const method of methods) expect(item?.[method.toLowerCase()], `${method} ${openApiPath(dir)}`).toBeDefined();
  });

  it.each(API_ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    "%s has a route file that answers it",
    async (_name, route) => {
      const file = fileOf(route.path);
      expect(existsSync(file), file).toBe(true);
      expect(await allowed(path.relative(APP, path.dirname(file)))).toContain(route.method.toUpperCase());
    },
  );
});
