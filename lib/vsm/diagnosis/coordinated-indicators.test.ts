import { describe, expect, it } from "vitest";
import { coordinatedIndicators } from "@/lib/vsm/diagnosis/coordinated-indicators";
import { makeSystem } from "@/lib/vsm/model/make-system";
import type { Channel, Indicator, ViableSystem } from "@/lib/vsm/model/system";
import { buildTree, type SystemTree } from "@/lib/vsm/model/tree";

const indicator = (key: string, scope: Indicator["scope"] = "operations"): Indicator => ({
  key,
  name: key,
  unit: "%",
  direction: "down",
  index: "raw",
  scope,
});
const coordination = (...units: string[]): Channel[] => units.map((unit) => ({ kind: "coordination", unit }));

function tree(systems: ViableSystem[]): SystemTree {
  const built = buildTree(systems);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join("\n"));
  return built.tree;
}

const MODEL = tree([
  makeSystem("acme", { channels: coordination("acme/a", "acme/b", "acme/c") }),
  makeSystem("acme/a", {
    channels: coordination("acme/a/x"),
    indicators: [indicator("saturation"), indicator("orders"), indicator("orders-audit"), indicator("market", "environment")],
  }),
  makeSystem("acme/b", { indicators: [indicator("saturation"), indicator("orders-audit"), indicator("market", "environment")] }),
  makeSystem("acme/c", { indicators: [indicator("saturation"), indicator("queue")] }),
  // Shares "queue" with c, but no coordination channel reaches it.
  makeSystem("acme/d", { indicators: [indicator("queue")] }),
  // One coordinated unit is no pair.
  makeSystem("acme/a/x", { indicators: [indicator("saturation"), indicator("-audit")] }),
]);

describe("coordinatedIndicators", () => {
  it("finds each operational indicator that two or more coordinated siblings share", () => {
    const found = coordinatedIndicators(MODEL).map((g) => [g.system.path, g.key, g.units.map((u) => u.path)]);
    // Not "orders-audit" (a spot check, not a resource), "market" (S4's view outward), nor "queue" (d is not coordinated).
    expect(found).toEqual([["acme", "saturation", ["acme/a", "acme/b", "acme/c"]]]);
  });
});
