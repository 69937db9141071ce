import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The repository stands alone: code and docs cite its own documents (docs/design.md, docs/domain.md,
 * …), never a brief kept outside it. A citation of an outside document is caught here.
 */
const ROOT = path.join(import.meta.dirname, "..");
const FOLDERS = ["app", "components", "lib", "docs", "e2e", "prisma"];
const FILES = ["README.md", "BENCHMARKS.md", "proxy.ts", "instrumentation.ts"];
const OUTSIDE = /\b(DESIGN|STYLE|TOOLCHAIN)\.md\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sources(full);
    return /\.(tsx?|md|prisma|sql)$/.test(entry.name) ? [full] : [];
  });
}

export function outsideCitations(file: string, text: string): string[] {
  return text.split("\n").flatMap((line, i) => (OUTSIDE.test(line) ? [`${file}:${i + 1}`] : []));
}

describe("citations", () => {
  it("cite only documents inside the repository", () => {
    const files = [...FOLDERS.flatMap((folder) => sources(path.join(ROOT, folder))), ...FILES.map((file) => path.join(ROOT, file))];
    expect(files.length).toBeGreaterThan(50);
    const found = files
      .filter((file) => file !== import.meta.filename)
      .flatMap((file) => outsideCitations(path.relative(ROOT, file), readFileSync(file, "utf8")));
    expect(found).toEqual([]);
  });

  it("catches a citation of an outside document", () => {
    expect(outsideCitations("a.ts", "// as DESIGN.md §3.2 says\nok")).toEqual(["a.ts:1"]);
    expect(outsideCitations("b.md", "see TOOLCHAIN.md")).toEqual(["b.md:1"]);
  });
});
