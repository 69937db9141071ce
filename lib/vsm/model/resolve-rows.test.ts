import { describe, expect, it } from "vitest";
import { resolveRows, type RecursionRow } from "@/lib/vsm/model/resolve-rows";

describe("resolveRows", () => {
  it("derives paths and levels from parent ids, parents first", () => {
    const rows: RecursionRow[] = [
      { id: 3, parentId: 2, slug: "payments", path: "acme/ops/payments", level: 2 },
      { id: 1, parentId: null, slug: "acme" },
      { id: 2, parentId: 1, slug: "ops" },
      { id: 4, parentId: 1, slug: "sales", level: 1 },
    ];
    const { placements, problems } = resolveRows(rows);
    expect(problems).toEqual([]);
    expect(placements).toEqual([
      { id: 1, path: "acme", parent: null, level: 0 },
      { id: 2, path: "acme/ops", parent: "acme", level: 1 },
      { id: 3, path: "acme/ops/payments", parent: "acme/ops", level: 2 },
      { id: 4, path: "acme/sales", parent: "acme", level: 1 },
    ]);
  });

  it("reports a cycle once, with its members, and places nothing that hangs from it", () => {
    const { placements, problems } = resolveRows([
      { id: "root", parentId: null, slug: "acme" },
      { id: "a", parentId: "c", slug: "a" },
      { id: "b", parentId: "a", slug: "b" },
      { id: "c", parentId: "b", slug: "c" },
      { id: "tail", parentId: "a", slug: "tail" },
      { id: "self", parentId: "self", slug: "self" },
    ]);
    expect(problems).toEqual([
      { kind: "cycle", ids: ["a", "c", "b"], message: 'rows "a" → "c" → "b" are their own ancestors' },
      { kind: "cycle", ids: ["self"], message: 'rows "self" are their own ancestors' },
    ]);
    expect(placements.map((p) => p.id)).toEqual(["root"]);
  });

  it("reports orphans where the chain breaks, not for every row below", () => {
    const { placements, problems } = resolveRows([
      { id: 1, parentId: null, slug: "acme" },
      { id: 2, parentId: 99, slug: "lost" },
      { id: 3, parentId: 2, slug: "below" },
    ]);
    expect(problems).toEqual([{ kind: "orphan", id: 2, parent: 99, message: "parent 99 of row 2 is missing" }]);
    expect(placements.map((p) => p.path)).toEqual(["acme"]);
  });

  it("tells number and string ids apart", () => {
    const { problems } = resolveRows([
      { id: 1, parentId: null, slug: "acme" },
      { id: "2", parentId: "1", slug: "ops" },
    ]);
    expect(problems).toEqual([{ kind: "orphan", id: "2", parent: "1", message: 'parent "1" of row "2" is missing' }]);
  });

  it("reports duplicate ids and paths, bad slugs and stored paths or levels that disagree", () => {
    const { problems } = resolveRows([
      { id: 1, parentId: null, slug: "acme" },
      { id: 1, parentId: null, slug: "again" },
      { id: 2, parentId: 1, slug: "ops" },
      { id: 3, parentId: 1, slug: "ops" },
      { id: 4, parentId: 1, slug: "Bad/slug" },
      { id: 5, parentId: 2, slug: "pay", path: "acme/pay", level: 1 },
    ]);
    expect(problems).toEqual([
      { kind: "duplicate-id", id: 1, message: "id 1 is used by more than one row" },
      { kind: "invalid-path", path: "acme/Bad/slug", message: `slug "Bad/slug" of row 4 must be 1–64 lowercase letters, digits and '-'` },
      {
        kind: "path-mismatch",
        id: 5,
        path: "acme/pay",
        expected: "acme/ops/pay",
        message: 'row 5 stores path "acme/pay" but its parents make it "acme/ops/pay"',
      },
      { kind: "level-mismatch", path: "acme/ops/pay", level: 1, expected: 2, message: '"acme/ops/pay" is at recursion level 2, not 1' },
      { kind: "duplicate-path", path: "acme/ops", count: 2, message: 'path "acme/ops" is used by 2 systems' },
    ]);
  });

  it("requires exactly one root", () => {
    expect(
      resolveRows([
        { id: 1, parentId: null, slug: "a" },
        { id: 2, parentId: null, slug: "b" },
      ]).problems,
    ).toEqual([{ kind: "multiple-roots", paths: ["a", "b"], message: "one root expected, found 2: a, b" }]);
    expect(resolveRows([{ id: 1, parentId: 1, slug: "a" }]).problems.map((p) => p.kind)).toEqual(["cycle", "no-root"]);
    expect(resolveRows([])).toEqual({ placements: [], problems: [] });
  });
});
