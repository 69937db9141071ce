import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/ingest is pure (docs/design.md §2): decoders take a body, a clock value and a memory,
 * and return data. No framework, database or I/O imports, no hidden clock, so routes, the pipeline,
 * benchmarks and tests all get the same answer for the same input. Test helpers (fixtures, fuzz
 * helpers) may import test-only packages and are not checked.
 */
const ROOT = import.meta.dirname;
const ALLOWED = /^(zod|protobufjs\/light\.js|snappyjs|@\/lib\/vsm\/.+|@\/lib\/errors|\.\.?\/.+)$/;
const TEST_ONLY = /(\.test\.ts|-fixtures\.ts|fuzz-helpers\.ts)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith(".ts") && !TEST_ONLY.test(entry.name) ? [full] : [];
  });
}

function violations(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    if (!ALLOWED.test(specifier)) problems.push(`${file} imports ${specifier}`);
  }
  if (/\bDate\.now\(|\bnew Date\(\s*\)|Math\.random\(|performance\.now\(/.test(text))
    problems.push(`${file} reads the clock or randomness`);
  return problems;
}

describe("lib/ingest purity", () => {
  it("imports only zod, the two decoding libraries, the domain and the error type, and reads no clock", () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => violations(path.relative(ROOT, file), readFileSync(file, "utf8")))).toEqual([]);
  });

  it("catches what it forbids", () => {
    expect(violations("a.ts", `import { db } from "@/lib/db";`)).toEqual(["a.ts imports @/lib/db"]);
    expect(violations("a.ts", `import fs from "node:fs";\nimport { NextResponse } from "next/server";`)).toHaveLength(2);
    expect(violations("a.ts", `const now = Date.now();`)).toEqual(["a.ts reads the clock or randomness"]);
    expect(violations("a.ts", `import { z } from "zod";\nimport { uncompress } from "snappyjs";\nimport { x } from "../reject";`)).toEqual(
      [],
    );
  });
});
