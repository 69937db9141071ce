import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/vsm is the pure domain core: no framework, database or I/O imports, nothing from the rest
 * of the app, and no hidden clock or randomness (both are parameters), so the same code runs in
 * route handlers, jobs, benchmarks and tests with the same results.
 */
const ROOT = path.join(import.meta.dirname);
const FORBIDDEN_IMPORT =
  /^(next|react|react-dom|pg|pino|server-only|@prisma\/.*|@electric-sql\/.*|node:.*|fs|net|http|https|child_process|os|path|crypto|dgram|dns|tls|worker_threads)(\/.*)?$/;
const ALLOWED_PACKAGES = new Set(["zod"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    found.push((match[1] ?? match[2] ?? match[3])!);
  }
  return found;
}

function violations(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const specifier of importsOf(text)) {
    const local = specifier.startsWith("@/lib/vsm/") || specifier.startsWith("./") || specifier.startsWith("../");
    if (FORBIDDEN_IMPORT.test(specifier)) problems.push(`${file} imports ${specifier}`);
    else if (!local && !ALLOWED_PACKAGES.has(specifier)) problems.push(`${file} imports ${specifier} (outside lib/vsm)`);
  }
  if (/\bDate\.now\(|\bnew Date\(\s*\)|Math\.random\(|performance\.now\(/.test(text)) {
    problems.push(`${file} reads the clock or randomness directly`);
  }
  return problems;
}

/**
 * Folders that must not import each other in either direction. temporal/ and variety/ both work in
 * time windows and bits; those primitives live in time-window.ts and entropy.ts, which both import,
 * so neither folder owns the other's building blocks and there is no cycle to grow.
 */
const INDEPENDENT_FOLDERS: readonly (readonly [string, string])[] = [["temporal", "variety"]];

/** The lib/vsm folder a specifier points into, from a file given relative to lib/vsm; null outside it. */
function targetFolder(file: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith("@/lib/vsm/")) target = specifier.slice("@/lib/vsm/".length);
  else if (specifier.startsWith(".")) target = path.posix.join(path.posix.dirname(file), specifier);
  else return null;
  return target.startsWith("../") ? null : target.split("/")[0]!;
}

function crossImports(file: string, text: string): string[] {
  const from = file.split("/")[0]!;
  return importsOf(text).flatMap((specifier) => {
    const to = targetFolder(file, specifier);
    const banned = INDEPENDENT_FOLDERS.some(([a, b]) => (from === a && to === b) || (from === b && to === a));
    return banned ? [`${file} imports ${specifier}`] : [];
  });
}

describe("lib/vsm purity", () => {
  it("has sources to check", () => {
    expect(sources(ROOT).length).toBeGreaterThan(0);
  });

  it("imports nothing but itself and zod, and takes clock and randomness as parameters", () => {
    const problems = sources(ROOT).flatMap((file) => violations(path.relative(ROOT, file), readFileSync(file, "utf8")));
    expect(problems).toEqual([]);
  });

  it("catches what it forbids", () => {
    expect(violations("a.ts", `import { PrismaClient } from "@prisma/client";`)).toEqual(["a.ts imports @prisma/client"]);
    expect(violations("a.ts", `import fs from "node:fs";\nimport { x } from "next/server";`)).toHaveLength(2);
    expect(violations("a.ts", `const pg = require("pg");`)).toEqual(["a.ts imports pg"]);
    expect(violations("a.ts", `import { getEnv } from "@/lib/env";`)).toEqual(["a.ts imports @/lib/env (outside lib/vsm)"]);
    expect(violations("a.ts", `const t = Date.now();`)).toEqual(["a.ts reads the clock or randomness directly"]);
    expect(violations("a.ts", `import { z } from "zod";\nimport { x } from "@/lib/vsm/types";`)).toEqual([]);
  });
});

describe("lib/vsm layering", () => {
  it("keeps temporal/ and variety/ from importing each other", () => {
    const problems = sources(ROOT).flatMap((file) => {
      const relative = path.relative(ROOT, file).split(path.sep).join("/");
      return crossImports(relative, readFileSync(file, "utf8"));
    });
    expect(problems).toEqual([]);
  });

  it("catches a cross import written either way, and allows the shared modules", () => {
    expect(crossImports("temporal/bucket.ts", `import { entropyOf } from "@/lib/vsm/variety/entropy";`)).toEqual([
      "temporal/bucket.ts imports @/lib/vsm/variety/entropy",
    ]);
    expect(crossImports("variety/response.ts", `import type { Bucket } from "../temporal/bucket";`)).toHaveLength(1);
    expect(crossImports("variety/response.ts", `import { checkWindow } from "@/lib/vsm/time-window";`)).toEqual([]);
    expect(crossImports("temporal/bucket.ts", `import { entropyOf } from "../entropy";\nimport { x } from "./moments";`)).toEqual([]);
    expect(crossImports("audit/drift.ts", `import { x } from "@/lib/vsm/temporal/window-stats";`)).toEqual([]);
  });
});
