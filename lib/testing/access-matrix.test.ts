import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RouteHandler } from "@/lib/http";
import { ACTION_ACCESS, ROUTE_ACCESS } from "@/lib/testing/access-matrix";

/**
 * The authorization matrix covers everything callable (lib/testing/access-matrix.ts): every method
 * of every route file under app/api and every export of every "use server" module has its row, and
 * no row names something that no longer exists. A new route or action without a row fails here.
 */
const root = path.join(import.meta.dirname, "../..");
const sourceFiles = (dir: string) =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.includes("node_modules"))
    .map((file) => path.join(dir, file));

async function routeKeys(): Promise<string[]> {
  const keys: string[] = [];
  for (const file of sourceFiles("app/api").filter((f) => path.basename(f) === "route.ts")) {
    const route = (await import(path.join(root, file))) as Partial<Record<string, RouteHandler>>;
    const options = await route.OPTIONS?.(new Request("http://localhost/", { method: "OPTIONS" }));
    const template = `/${path.dirname(file).split(path.sep).join("/")}`.replace(/^\/app/, "");
    // The catch-all answers every method (404) and lists none.
    const allowed = template.includes("[[...rest]]")
      ? ["GET", "POST", "PUT", "PATCH", "DELETE"]
      : (options?.headers.get("allow")?.split(", ") ?? []);
    for (const method of allowed.filter((m) => m !== "HEAD" && m !== "OPTIONS")) keys.push(`${method} ${template}`);
  }
  return keys.sort();
}

function actionKeys(): string[] {
  const keys: string[] = [];
  for (const file of [...sourceFiles("app"), ...sourceFiles("lib"), ...sourceFiles("components")]) {
    const text = readFileSync(path.join(root, file), "utf8");
    if (!/^\s*["']use server["'];?/.test(text)) continue;
    for (const match of text.matchAll(/^export\s+(?:async\s+function\s+(\w+)|(?:const|let|var|function|class)\s+(\w+))/gm)) {
      keys.push(`${file.split(path.sep).join("/")}#${match[1] ?? match[2]}`);
    }
  }
  return keys.sort();
}

describe("the authorization matrix", () => {
  it("has a row for every method of every route, and none for a route that is gone", async () => {
    expect(await routeKeys()).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  it("has a row for every server action, and none for an action that is gone", () => {
    expect(actionKeys()).toEqual(Object.keys(ACTION_ACCESS).sort());
  });
});
