import { describe, expect, it } from "vitest";
import { describeNumber, describePeriod, describeShare, describeValue } from "@/lib/vsm/diagnosis/describe-measure";
import { HOUR, MINUTE, SECOND } from "@/lib/vsm/types";

describe("describe-measure", () => {
  it("states three significant figures and no trailing zeros", () => {
    expect(describeNumber(3)).toBe("3");
    expect(describeNumber(0.3549106)).toBe("0.355");
    expect(describeNumber(-0.99999)).toBe("-1");
    expect(describeNumber(12_345)).toBe("12300");
    expect(describeNumber(0.000123456)).toBe("0.000123");
  });

  it("puts the indicator's unit after the value, a percent sign without a space", () => {
    expect(describeValue(3.04, "%")).toBe("3.04%");
    expect(describeValue(12, "t/h")).toBe("12 t/h");
    expect(describeValue(7, "")).toBe("7");
    expect(describeShare(0.2)).toBe("20%");
    expect(describeShare(0.1)).toBe("10%");
  });

  it("gives a period to the minute from two minutes up, to the second below, never less than a second", () => {
    expect(describePeriod(8 * MINUTE)).toBe("8m");
    expect(describePeriod(7 * MINUTE + 50 * SECOND)).toBe("8m");
    expect(describePeriod(HOUR + 29 * MINUTE + 40 * SECOND)).toBe("1h 30m");
    expect(describePeriod(2 * MINUTE)).toBe("2m");
    expect(describePeriod(30 * SECOND + 400)).toBe("30s");
    expect(describePeriod(MINUTE + 30 * SECOND)).toBe("1m 30s");
    expect(describePeriod(100)).toBe("1s");
  });
});
