import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW, formatInstant, windowChoice, windowEnding } from "@/lib/view/variety-window";
import { DAY, HOUR } from "@/lib/vsm/types";

describe("the Variety page's window", () => {
  it("takes 1h, 24h or 7d from the query string and falls back to 24 hours for anything else", () => {
    expect(windowChoice("1h")).toBe("1h");
    expect(windowChoice("7d")).toBe("7d");
    expect(DEFAULT_WINDOW).toBe("24h");
    for (const param of [undefined, "", "2h", "toString", "__proto__", ["1h", "7d"]]) expect(windowChoice(param)).toBe("24h");
  });

  it("ends at the request's time", () => {
    const now = Date.UTC(2026, 11, 1, 12);
    expect(windowEnding("1h", now)).toEqual({ from: now - HOUR, to: now });
    expect(windowEnding("7d", now)).toEqual({ from: now - 7 * DAY, to: now });
    expect(formatInstant(now + 59_999)).toBe("2026-12-01 12:00 UTC");
  });
});
