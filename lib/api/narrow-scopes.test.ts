import { describe, expect, it } from "vitest";
import { narrowScopes } from "@/lib/api/narrow-scopes";

describe("narrowScopes", () => {
  it("leaves the scopes as they are without a subtree", () => {
    expect(narrowScopes(["acme/ops", "globex"], undefined)).toEqual(["acme/ops", "globex"]);
  });

  it("gives the subtree itself when a scope covers it", () => {
    expect(narrowScopes([""], "acme/ops")).toEqual(["acme/ops"]);
    expect(narrowScopes(["acme"], "acme/ops/payments")).toEqual(["acme/ops/payments"]);
    expect(narrowScopes(["acme/ops"], "acme/ops")).toEqual(["acme/ops"]);
  });

  it("gives only the scopes inside a wider subtree: a filter never widens what a reader sees", () => {
    expect(narrowScopes(["acme/ops", "acme/sales/eu", "globex"], "acme")).toEqual(["acme/ops", "acme/sales/eu"]);
    expect(narrowScopes(["acme/ops"], "acme/sales")).toEqual([]);
    // A sibling whose path merely starts the same is not inside.
    expect(narrowScopes(["acme/ops-eu"], "acme/ops")).toEqual([]);
    expect(narrowScopes([], "acme")).toEqual([]);
  });
});
