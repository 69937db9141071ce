import { describe, expect, it } from "vitest";
import { valenceOf } from "@/lib/vsm/filter/valence";

describe("valenceOf", () => {
  it("is pleasure for a change in the good direction and pain against it", () => {
    expect(valenceOf("up", 2)).toBe("pleasure");
    expect(valenceOf("up", -2)).toBe("pain");
    expect(valenceOf("down", -2)).toBe("pleasure");
    expect(valenceOf("down", 2)).toBe("pain");
  });

  it("counts no change as not rising", () => {
    expect(valenceOf("up", 0)).toBe("pain");
    expect(valenceOf("down", 0)).toBe("pleasure");
  });
});
