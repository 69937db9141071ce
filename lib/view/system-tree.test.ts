import { describe, expect, it } from "vitest";
import { buildTree } from "@/lib/view/system-tree";

describe("buildTree", () => {
  it("nests units under their parents in row order", () => {
    const rows = [
      { id: 1, parentId: null, name: "acme" },
      { id: 2, parentId: 1, name: "b" },
      { id: 3, parentId: 1, name: "a" },
      { id: 4, parentId: 3, name: "a1" },
    ];
    const [root] = buildTree(rows);
    expect(root?.name).toBe("acme");
    expect(root?.units.map((u) => u.name)).toEqual(["b", "a"]);
    expect(root?.units[1]?.units.map((u) => u.name)).toEqual(["a1"]);
    expect(root?.units[0]?.units).toEqual([]);
  });

  it("treats rows whose parent is missing as roots", () => {
    const roots = buildTree([
      { id: 5, parentId: 99 },
      { id: 6, parentId: null },
    ]);
    expect(roots.map((r) => r.id)).toEqual([5, 6]);
  });
});
