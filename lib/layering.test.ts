import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers of docs/model-files.md and the README's code layout, checked by reading imports:
 * only lib/store (and the test support in lib/testing) speaks to the database; the model-file
 * format and the display shapes are pure and never reach into the store; shared components never
 * pull in server-only code, not even for a type.
 */
const ROOT = path.join(import.meta.dirname, "..");
const SCANNED = ["app", "components", "lib", "e2e", "instrumentation.ts", "proxy.ts"];
const SKIPPED = new Set(["lib/generated", "node_modules"]);

/** Repository-relative paths (forward slashes) of the TypeScript sources under `entry`. */
function sources(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (SKIPPED.has(entry) || !existsSync(full)) return [];
  if (statSync(full).isDirectory()) return readdirSync(full).flatMap((name) => sources(`${entry}/${name}`));
  return /\.tsx?$/.test(entry) ? [entry] : [];
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const under = (file: string, folder: string) => file.startsWith(`${folder}/`);

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    found.push((match[1] ?? match[2] ?? match[3] ?? match[4])!);
  }
  return found;
}

/** Where a specifier points inside the repository (no extension), or null for a package. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.join(path.posix.dirname(file), specifier);
  return null;
}

const DATABASE_PACKAGE = /^(pg|pg-[a-z-]+|prisma|@prisma\/[a-z-]+|@electric-sql\/pglite|pglite-prisma-adapter)(\/.*)?$/;

/** Outside lib/store and lib/testing: no database driver, Prisma package or generated client. */
function databaseImports(file: string, text: string): string[] {
  if (under(file, "lib/store") || under(file, "lib/testing")) return [];
  return importsOf(text)
    .filter((s) => DATABASE_PACKAGE.test(s) || under(target(file, s) ?? "", "lib/generated"))
    .map((s) => `${file} imports ${s}`);
}

/** Pure folders import only each other (as listed) and the named packages: no store, no I/O. */
const PURE: Record<string, { folders: string[]; packages: string[] }> = {
  "lib/model-file": { folders: ["lib/model-file", "lib/vsm"], packages: ["zod", "yaml"] },
  "lib/view": { folders: ["lib/view", "lib/model-file", "lib/vsm"], packages: [] },
};

function impureImports(file: string, text: string): string[] {
  const folder = Object.keys(PURE).find((f) => under(file, f));
  if (!folder) return [];
  const rule = PURE[folder]!;
  return importsOf(text).flatMap((specifier) => {
    const to = target(file, specifier);
    // Tests may read fixtures from disk; they still never touch the store.
    if (isTest(file) && (to === null ? specifier !== "server-only" : !under(to, "lib/store") && to !== "lib/db")) return [];
    const allowed = to === null ? rule.packages.includes(specifier) : rule.folders.some((f) => under(to, f));
    return allowed ? [] : [`${file} imports ${specifier}`];
  });
}

const SERVER_ONLY = /^import\s+["']server-only["'];?\s*$/m;

/** Shared components import no module marked server-only, directly (types included). */
function serverOnlyImports(file: string, text: string, read: (file: string) => string | null): string[] {
  if (!under(file, "components")) return [];
  return importsOf(text).flatMap((specifier) => {
    if (specifier === "server-only") return [`${file} imports server-only`];
    const to = target(file, specifier);
    const source = to === null ? null : ["", ".ts", ".tsx"].map((ext) => read(`${to}${ext}`)).find((s) => s !== null);
    return source && SERVER_ONLY.test(source) ? [`${file} imports ${specifier}, which is server-only`] : [];
  });
}

function readSource(file: string): string | null {
  const full = path.join(ROOT, file);
  return existsSync(full) && /\.tsx?$/.test(file) ? readFileSync(full, "utf8") : null;
}

/** The import checkers themselves, whose tests hold forbidden imports as data. */
const CHECKERS = new Set(["lib/layering.test.ts", "lib/vsm/purity.test.ts"]);
const all = SCANNED.flatMap(sources).filter((file) => !CHECKERS.has(file));
const problems = (check: (file: string, text: string) => string[]) => all.flatMap((file) => check(file, readSource(file)!));

describe("layering", () => {
  it("scans the sources it is meant to", () => {
    for (const file of ["app/(console)/page.tsx", "components/vsm/system-tree.tsx", "lib/store/database.ts", "lib/model-file/schemas.ts"])
      expect(all).toContain(file);
    expect(all.some((file) => under(file, "lib/generated"))).toBe(false);
  });

  it("keeps Prisma, pg, PGlite and the generated client inside lib/store (and lib/testing)", () => {
    expect(problems(databaseImports)).toEqual([]);
  });

  it("keeps lib/model-file and lib/view pure: nothing from lib/store, no I/O", () => {
    expect(problems(impureImports)).toEqual([]);
  });

  it("keeps server-only modules out of shared components", () => {
    expect(problems((file, text) => serverOnlyImports(file, text, readSource))).toEqual([]);
  });

  it("marks every store module server-only", () => {
    const unmarked = all.filter((file) => under(file, "lib/store") && !isTest(file) && !SERVER_ONLY.test(readSource(file)!));
    expect(unmarked).toEqual([]);
  });
});

describe("the layering checks catch what they forbid", () => {
  it("database imports outside the store, in any spelling", () => {
    expect(databaseImports("app/page.tsx", `import { Pool } from "pg";`)).toEqual(["app/page.tsx imports pg"]);
    expect(databaseImports("lib/db.ts", `import type { PrismaClient } from "@/lib/generated/prisma/client";`)).toHaveLength(1);
    expect(databaseImports("lib/x/y.ts", `import { Prisma } from "../generated/prisma/client";`)).toHaveLength(1);
    expect(databaseImports("lib/x.ts", `const { PGlite } = await import("@electric-sql/pglite");`)).toHaveLength(1);
    expect(databaseImports("lib/x.ts", `import { PrismaPGlite } from "pglite-prisma-adapter";\nimport "@prisma/client";`)).toHaveLength(2);
    expect(databaseImports("lib/store/x.ts", `import { Pool } from "pg";`)).toEqual([]);
    expect(databaseImports("lib/testing/x.ts", `import { Client } from "pg";`)).toEqual([]);
    expect(databaseImports("lib/x.ts", `import { z } from "zod";\nimport { getEnv } from "@/lib/env";`)).toEqual([]);
  });

  it("store, I/O and framework imports in the pure folders", () => {
    expect(impureImports("lib/model-file/a.ts", `import { importModel } from "@/lib/store/model-import";`)).toHaveLength(1);
    expect(impureImports("lib/model-file/a.ts", `import type { Database } from "../store/database";`)).toHaveLength(1);
    expect(impureImports("lib/model-file/a.ts", `import { readFile } from "node:fs/promises";`)).toHaveLength(1);
    expect(impureImports("lib/view/a.ts", `import "server-only";`)).toHaveLength(1);
    expect(impureImports("lib/view/a.ts", `import { getDatabase } from "@/lib/db";`)).toHaveLength(1);
    expect(impureImports("lib/view/a.test.ts", `import { exportModel } from "@/lib/store/model-export";`)).toHaveLength(1);
    expect(impureImports("lib/view/a.test.ts", `import { readFileSync } from "node:fs";`)).toEqual([]);
    expect(impureImports("lib/model-file/a.ts", `import { z } from "zod";\nimport { parentOf } from "@/lib/vsm/model/path";`)).toEqual([]);
    expect(impureImports("lib/view/a.ts", `import type { ModelFile } from "./../model-file/schemas";`)).toEqual([]);
  });

  it("a component importing a server-only module, even for a type", () => {
    const read = (file: string) =>
      file === "lib/store/systems.ts" ? `import "server-only";\nexport {};` : file === "lib/view/overview.ts" ? "export {};" : null;
    expect(serverOnlyImports("components/a.tsx", `import type { Overview } from "@/lib/store/systems";`, read)).toEqual([
      "components/a.tsx imports @/lib/store/systems, which is server-only",
    ]);
    expect(serverOnlyImports("components/a.tsx", `import type { Overview } from "@/lib/view/overview";`, read)).toEqual([]);
  });
});
