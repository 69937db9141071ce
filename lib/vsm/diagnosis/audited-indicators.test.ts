import { describe, expect, it } from "vitest";
import { auditedIndicators, isAuditKey } from "@/lib/vsm/diagnosis/audited-indicators";
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

describe("auditedIndicators", () => {
  it("pairs an indicator with the one of the same unit whose key adds -audit", () => {
    expect(isAuditKey("orders-audit")).toBe(true);
    expect(isAuditKey("-audit")).toBe(false);
    expect(isAuditKey("orders")).toBe(false);
    const found = auditedIndicators(MODEL).map((a) => [a.unit.path, a.reported.key, a.audit.key]);
    // b has an audit series of nothing it reports; x's "-audit" audits no key.
    expect(found).toEqual([["acme/a", "orders", "orders-audit"]]);
  });
});
