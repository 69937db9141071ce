import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/vsm is the pure domain core: no framework, database or I/O imports, nothing from the rest
 * of the app, and no hidden clock or randomness (both are parameters), so the same code runs in
 * route handlers, jobs, benchmarks and tests with the same results.
 */
const ROOT = path.join(import.meta.dirname);
const FORBIDDEN_IMPORT = /^(next|react|react-dom|pg|pino|server-only|@prisma\/.*|@electric-sql\/.*|node:.*|fs|net|http|https|child_process|os|path|crypto|dgram|dns|tls|worker_threads)(\/.*)?$/;
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
  for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)) {
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
