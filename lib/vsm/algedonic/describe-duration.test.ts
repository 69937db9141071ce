import { describe, expect, it } from "vitest";
import { describeDuration } from "@/lib/vsm/algedonic/describe-duration";
import { HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

describe("describeDuration", () => {
  it("reads like an operator would write it", () => {
    expect(describeDuration(2 * HOUR)).toBe("2h");
    expect(describeDuration(HOUR + 30 * MINUTE)).toBe("1h 30m");
    expect(describeDuration(45 * SECOND)).toBe("45s");
    expect(describeDuration(MINUTE + 250)).toBe("1m 250ms");
    expect(describeDuration(0)).toBe("0ms");
    expect(describeDuration(-5)).toBe("0ms");
  });
});
