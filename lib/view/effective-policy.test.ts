import { describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { effectivePolicyOf } from "@/lib/view/effective-policy";

const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme, policy: { audit: { tolerance: 0.2 } } }
  - { path: acme/shop, name: Shop }
  - { path: acme/shop/eu, name: EU, policy: { audit: { tolerance: 0.05 } } }
  - { path: solo, name: Solo }
`,
  "yaml",
);

describe("effectivePolicyOf", () => {
  it("merges the overrides from the root down, and gives the defaults where none is set", () => {
    const policyOf = effectivePolicyOf(MODEL.systems);
    expect(policyOf("acme").audit.tolerance).toBe(0.2);
    expect(policyOf("acme/shop").audit.tolerance).toBe(0.2);
    expect(policyOf("acme/shop/eu").audit.tolerance).toBe(0.05);
    expect(policyOf("solo").audit.tolerance).toBe(0.1);
    expect(policyOf("acme/shop")).toBe(policyOf("acme/shop"));
  });
});
