import { describe, expect, it } from "vitest";
import { formatDuration, unitMillis } from "@/lib/vsm/rules/duration";
import { DAY, HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

describe("durations", () => {
  it("knows its units", () => {
    expect(["ms", "s", "m", "h", "d"].map(unitMillis)).toEqual([1, SECOND, MINUTE, HOUR, DAY]);
    expect(unitMillis("w")).toBeUndefined();
  });

  it("prints with the largest unit that divides exactly", () => {
    expect(formatDuration(15 * MINUTE)).toBe("15m");
    expect(formatDuration(90 * SECOND)).toBe("90s");
    expect(formatDuration(2 * DAY)).toBe("2d");
    expect(formatDuration(36 * HOUR)).toBe("36h");
    expect(formatDuration(1_500)).toBe("1500ms");
    expect(formatDuration(0)).toBe("0s");
  });
});
