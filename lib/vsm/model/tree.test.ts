import { describe, expect, it } from "vitest";
import { makeSystem } from "@/lib/vsm/model/make-system";
import { buildTree } from "@/lib/vsm/model/tree";
import { ancestors, childrenOf, containingAt, descendants, findSystem, getSystem, isLeaf, subtree } from "@/lib/vsm/model/tree-queries";
import { isWithin } from "@/lib/vsm/model/path";
import { breadthFirst, depthFirst } from "@/lib/vsm/model/walk";

//        acme
//       /    \
//     ops    sales
//    /   \      \
//  pay  constructor  eu
//  |
//  api
const systems = ["acme", "acme/ops", "acme/ops/pay", "acme/sales", "acme/ops/constructor", "acme/sales/eu", "acme/ops/pay/api"].map((p) =>
  makeSystem(p),
);
const built = buildTree(systems);
if (!built.ok) throw new Error("fixture must be valid");
const { tree } = built;
const paths = (list: { path: string }[]) => list.map((s) => s.path);

describe("buildTree", () => {
  it("indexes systems by path with their S1 units in input order", () => {
    expect(tree.root).toBe("acme");
    expect(tree.children.acme).toEqual(["acme/ops", "acme/sales"]);
    expect(tree.children["acme/ops"]).toEqual(["acme/ops/pay", "acme/ops/constructor"]);
    expect(tree.children["acme/ops/pay/api"]).toEqual([]);
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });

  it("returns the structural problems instead of a tree", () => {
    expect(buildTree([makeSystem("acme"), makeSystem("acme/x/y")])).toEqual({
      ok: false,
      problems: [expect.objectContaining({ kind: "orphan", path: "acme/x/y" })],
    });
    expect(buildTree([])).toEqual({ ok: false, problems: [{ kind: "no-root", message: "a model needs at least its root system" }] });
  });
});

describe("tree queries", () => {
  it("finds systems by own key only, so slugs like 'constructor' are safe", () => {
    expect(getSystem(tree, "acme/ops/constructor").path).toBe("acme/ops/constructor");
    expect(findSystem(tree, "constructor")).toBeUndefined();
    expect(findSystem(tree, "toString")).toBeUndefined();
    expect(() => getSystem(tree, "acme/none")).toThrow(new RangeError('no system "acme/none" in the model'));
    const reparsed = JSON.parse(JSON.stringify(tree)) as typeof tree;
    expect(findSystem(reparsed, "constructor")).toBeUndefined();
    expect(isLeaf(reparsed, "acme/ops/constructor")).toBe(true);
  });

  it("lists S1 units, ancestors nearest first and descendants in pre-order", () => {
    expect(paths(childrenOf(tree, "acme"))).toEqual(["acme/ops", "acme/sales"]);
    expect(childrenOf(tree, "acme/sales/eu")).toEqual([]);
    expect(isLeaf(tree, "acme/sales/eu")).toBe(true);
    expect(isLeaf(tree, "acme/sales")).toBe(false);
    expect(paths(ancestors(tree, "acme/ops/pay/api"))).toEqual(["acme/ops/pay", "acme/ops", "acme"]);
    expect(ancestors(tree, "acme")).toEqual([]);
    expect(paths(descendants(tree, "acme/ops"))).toEqual(["acme/ops/pay", "acme/ops/pay/api", "acme/ops/constructor"]);
    expect(() => ancestors(tree, "nope")).toThrow(RangeError);
    expect(() => childrenOf(tree, "nope")).toThrow(RangeError);
  });

  it("cuts a subtree that keeps the model's paths and levels", () => {
    const ops = subtree(tree, "acme/ops");
    expect(ops.root).toBe("acme/ops");
    expect(Object.keys(ops.systems).sort()).toEqual(["acme/ops", "acme/ops/constructor", "acme/ops/pay", "acme/ops/pay/api"]);
    expect(getSystem(ops, "acme/ops")).toMatchObject({ parent: "acme", level: 1 });
    expect(findSystem(ops, "acme")).toBeUndefined();
    expect(paths(ancestors(ops, "acme/ops/pay/api"))).toEqual(["acme/ops/pay", "acme/ops"]);
    expect(containingAt(ops, "acme/ops/pay", 0)).toBeUndefined();
    expect(paths(depthFirst(ops))).toEqual(paths([getSystem(tree, "acme/ops"), ...descendants(tree, "acme/ops")]));
    expect(subtree(tree, "acme/sales/eu").children).toEqual({ "acme/sales/eu": [] });
  });

  it("finds the containing system at a level", () => {
    expect(containingAt(tree, "acme/ops/pay/api", 1)?.path).toBe("acme/ops");
    expect(containingAt(tree, "acme/ops/pay/api", 0)?.path).toBe("acme");
    expect(containingAt(tree, "acme/ops/pay/api", 3)?.path).toBe("acme/ops/pay/api");
    expect(containingAt(tree, "acme/ops", 2)).toBeUndefined();
    expect(() => containingAt(tree, "nope", 0)).toThrow(RangeError);
  });

  it("tells whether one path lies within another's subtree", () => {
    expect(isWithin("acme/ops", "acme/ops")).toBe(true);
    expect(isWithin("acme/ops", "acme/ops/pay")).toBe(true);
    expect(isWithin("acme/ops", "acme/opsx")).toBe(false);
    expect(isWithin("acme/ops/pay", "acme/ops")).toBe(false);
  });
});

describe("walks", () => {
  it("walks depth-first (each system before its units) and breadth-first (level by level)", () => {
    expect(paths(depthFirst(tree))).toEqual([
      "acme",
      "acme/ops",
      "acme/ops/pay",
      "acme/ops/pay/api",
      "acme/ops/constructor",
      "acme/sales",
      "acme/sales/eu",
    ]);
    expect(paths(breadthFirst(tree))).toEqual([
      "acme",
      "acme/ops",
      "acme/sales",
      "acme/ops/pay",
      "acme/ops/constructor",
      "acme/sales/eu",
      "acme/ops/pay/api",
    ]);
    expect(breadthFirst(tree).map((s) => s.level)).toEqual([0, 1, 1, 2, 2, 2, 3]);
    expect(paths(breadthFirst(tree, "acme/sales"))).toEqual(["acme/sales", "acme/sales/eu"]);
    expect(() => depthFirst(tree, "nope")).toThrow(RangeError);
  });
});
