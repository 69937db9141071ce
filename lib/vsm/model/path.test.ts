import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ancestorPaths,
  depthOf,
  isAncestor,
  isValidPath,
  joinPath,
  parentOf,
  parsePath,
  PATH_PATTERN,
  pathAtLevel,
  slugOf,
} from "@/lib/vsm/model/path";

describe("system paths", () => {
  it("parses slash-separated slugs", () => {
    expect(parsePath("acme/ops/payments")).toEqual({ ok: true, segments: ["acme", "ops", "payments"] });
    expect(parsePath("a")).toEqual({ ok: true, segments: ["a"] });
    expect(isValidPath("9lives/x-1")).toBe(true);
  });

  it("says why a path is invalid", () => {
    expect(parsePath("")).toEqual({ ok: false, reason: "a path must not be empty" });
    expect(parsePath("acme/")).toMatchObject({ ok: false, reason: expect.stringContaining("no empty segments") });
    expect(parsePath("/acme")).toMatchObject({ ok: false });
    expect(parsePath("acme//ops")).toMatchObject({ ok: false });
    expect(parsePath("acme/Ops")).toMatchObject({ ok: false, reason: expect.stringContaining('segment "Ops"') });
    expect(parsePath("-acme")).toMatchObject({ ok: false });
    expect(parsePath("a".repeat(65))).toMatchObject({ ok: false });
    expect(parsePath(`a${"/a".repeat(600)}`)).toEqual({ ok: false, reason: "a path must be at most 1024 characters" });
    expect(isValidPath("acme ops")).toBe(false);
  });

  it("has one pattern for a whole path that accepts exactly what parsePath accepts", () => {
    // Schemas validate with PATH_PATTERN; a drift from the segment rule would let them disagree.
    const text = fc.array(fc.constantFrom("a", "z", "0", "-", "/", "A", " ", "_"), { maxLength: 80 }).map((cs) => cs.join(""));
    fc.assert(fc.property(text, (path) => PATH_PATTERN.test(path) === isValidPath(path)));
    expect(PATH_PATTERN.test(`a${"/a".repeat(40)}`)).toBe(true);
    expect(PATH_PATTERN.test(`${"a".repeat(64)}/${"b".repeat(65)}`)).toBe(false);
  });

  it("finds parent, slug, depth and ancestors (nearest first)", () => {
    expect(parentOf("acme/ops/payments")).toBe("acme/ops");
    expect(parentOf("acme")).toBeNull();
    expect(slugOf("acme/ops/payments")).toBe("payments");
    expect(slugOf("acme")).toBe("acme");
    expect(depthOf("acme")).toBe(0);
    expect(depthOf("acme/ops/payments")).toBe(2);
    expect(ancestorPaths("acme/ops/payments")).toEqual(["acme/ops", "acme"]);
    expect(ancestorPaths("acme")).toEqual([]);
    expect(joinPath(null, "acme")).toBe("acme");
    expect(joinPath("acme", "ops")).toBe("acme/ops");
  });

  it("compares whole segments when deciding ancestry", () => {
    expect(isAncestor("acme", "acme/ops")).toBe(true);
    expect(isAncestor("acme", "acme/ops/payments")).toBe(true);
    expect(isAncestor("acme", "acme")).toBe(false);
    expect(isAncestor("acme/ops", "acme")).toBe(false);
    expect(isAncestor("acme/op", "acme/ops")).toBe(false);
    expect(isAncestor("acm", "acme/ops")).toBe(false);
  });

  it("names the containing system at a level", () => {
    expect(pathAtLevel("acme/ops/payments", 0)).toBe("acme");
    expect(pathAtLevel("acme/ops/payments", 1)).toBe("acme/ops");
    expect(pathAtLevel("acme/ops/payments", 2)).toBe("acme/ops/payments");
    expect(pathAtLevel("acme/ops/payments", 3)).toBeNull();
    expect(pathAtLevel("acme/ops", -1)).toBeNull();
    expect(pathAtLevel("acme/ops", 0.5)).toBeNull();
  });
});
