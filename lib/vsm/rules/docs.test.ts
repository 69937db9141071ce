import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_DEPTH } from "@/lib/vsm/rules/depth";
import { MAX_NESTING, parse } from "@/lib/vsm/rules/parser";

/** docs/rules.md is the language's manual: its examples must parse and its error table must be what users see. */
const manual = readFileSync(path.join(import.meta.dirname, "../../../docs/rules.md"), "utf8");

describe("docs/rules.md", () => {
  it("has examples that all parse (one query per paragraph of a text block)", () => {
    const queries = [...manual.matchAll(/```text\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split(/\n\s*\n/)).filter((q) => q.trim() !== "");
    expect(queries.length).toBeGreaterThanOrEqual(9);
    for (const query of queries) expect(parse(query), query).toMatchObject({ ok: true });
  });

  it("quotes the parser's own error messages", () => {
    const rows = [...manual.matchAll(/^\| `([^`]*)` \| `([^`]*)` \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const [, input, message] of rows) {
      const result = parse(input!);
      expect(result.ok, input).toBe(false);
      if (result.ok) continue;
      if (message!.startsWith("… ")) expect(result.error.message).toContain(message!.slice(2));
      else expect(result.error.message).toBe(message);
    }
  });

  it("states the limits the parser enforces", () => {
    expect(manual).toContain(`| ${MAX_NESTING} (\`MAX_NESTING\`) |`);
    expect(manual).toContain(`| ${MAX_DEPTH} (\`MAX_DEPTH\`) |`);
    const deep = parse(Array.from({ length: MAX_DEPTH + 1 }, () => "a = 1").join(" and "));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(manual).toContain(deep.error.message.replace(/^.*?unexpected "and" /, ""));
  });
});
