import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES, isExampleName } from "@/lib/model-file/examples";

describe("EXAMPLES", () => {
  it("names files that exist in prisma/seed", () => {
    for (const file of Object.values(EXAMPLES))
      expect(existsSync(path.join(import.meta.dirname, "../../prisma/seed", file)), file).toBe(true);
  });

  it("knows its own names and nothing an object inherits", () => {
    expect(["saas", "cybersyn"].every(isExampleName)).toBe(true);
    expect(["toString", "constructor", "none", ""].some(isExampleName)).toBe(false);
  });
});
