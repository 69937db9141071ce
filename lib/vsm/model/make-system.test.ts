import { describe, expect, it } from "vitest";
import { makeSystem } from "@/lib/vsm/model/make-system";
import { hasFunction } from "@/lib/vsm/model/system";

describe("makeSystem", () => {
  it("derives parent and level from the path, and defaults to an empty system", () => {
    expect(makeSystem("acme/ops/payments")).toEqual({
      path: "acme/ops/payments",
      name: "payments",
      parent: "acme/ops",
      level: 2,
      functions: {},
      channels: [],
      indicators: [],
    });
    expect(makeSystem("acme", { name: "Acme", owner: "exec" })).toMatchObject({ parent: null, level: 0, name: "Acme", owner: "exec" });
  });

  it("never lets fields override the derived placement", () => {
    const forced = { path: "x", parent: "y", level: 9 } as unknown as Parameters<typeof makeSystem>[1];
    expect(makeSystem("acme/ops", forced)).toMatchObject({ path: "acme/ops", parent: "acme", level: 1 });
  });

  it("counts a function as present only when recorded present", () => {
    const system = makeSystem("acme", { functions: { s3: { present: true }, s4: { present: false } } });
    expect(hasFunction(system, "s3")).toBe(true);
    expect(hasFunction(system, "s4")).toBe(false);
    expect(hasFunction(system, "s5")).toBe(false);
  });
});
