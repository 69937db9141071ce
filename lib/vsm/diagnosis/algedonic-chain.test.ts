import { describe, expect, it } from "vitest";
import { algedonicChainFindings, unitsCutOff } from "@/lib/vsm/diagnosis/algedonic-chain";
import { makeSystem } from "@/lib/vsm/model/make-system";
import { buildTree } from "@/lib/vsm/model/tree";

const linked = (path: string, units: string[]) =>
  makeSystem(path, { channels: units.map((unit) => ({ kind: "algedonic" as const, unit })) });

describe("algedonic chain", () => {
  const built = buildTree([
    linked("acme", ["acme/ops"]),
    linked("acme/ops", ["acme/ops/pay"]),
    linked("acme/ops/pay", ["acme/ops/pay/api"]),
    makeSystem("acme/ops/pay/api"),
    makeSystem("acme/ops/pay/db"),
    linked("acme/sales", ["acme/sales/eu"]),
    makeSystem("acme/sales/eu"),
  ]);
  if (!built.ok) throw new Error("fixture must be valid");

  it("finds each missing link, with the unit at its far end", () => {
    expect(algedonicChainFindings(built.tree).map((f) => [f.path, f.unit, f.level])).toEqual([
      ["acme", "acme/sales", 0],
      ["acme/ops/pay", "acme/ops/pay/db", 2],
    ]);
  });

  it("lists every unit whose chain to the root is broken, including those below an intact link", () => {
    expect(unitsCutOff(built.tree)).toEqual(["acme/ops/pay/db", "acme/sales", "acme/sales/eu"]);
  });
});
