import { describe, expect, it } from "vitest";
import { indexActivity, periodsSilent, silenceFindings, type IndicatorActivity } from "@/lib/vsm/diagnosis/silence";
import { makeSystem } from "@/lib/vsm/model/make-system";
import type { Indicator } from "@/lib/vsm/model/system";
import { MINUTE } from "@/lib/vsm/types";

const now = 1_000 * MINUTE;
const activity = (fields: Partial<IndicatorActivity>): IndicatorActivity => ({
  system: "acme/pay",
  indicator: "rate",
  period: MINUTE,
  lastObservedAt: now,
  ...fields,
});
const indicator = (key: string, scope: Indicator["scope"] = "operations"): Indicator => ({
  key,
  name: key,
  unit: "/s",
  direction: "up",
  index: "raw",
  scope,
});

describe("periodsSilent", () => {
  it("counts whole periods since the last observation", () => {
    expect(periodsSilent(activity({ lastObservedAt: now }), now)).toBe(0);
    expect(periodsSilent(activity({ lastObservedAt: now - 5 * MINUTE + 1 }), now)).toBe(4);
    expect(periodsSilent(activity({ lastObservedAt: now - 5 * MINUTE }), now)).toBe(5);
    expect(periodsSilent(activity({ lastObservedAt: now + MINUTE }), now)).toBe(0);
  });

  it("falls back to when the indicator was added, and to never", () => {
    expect(periodsSilent(activity({ lastObservedAt: null, since: now - 3 * MINUTE }), now)).toBe(3);
    expect(periodsSilent(activity({ lastObservedAt: null }), now)).toBe(Infinity);
  });

  it("rejects a period that is not a positive duration", () => {
    for (const period of [0, -1, NaN, Infinity])
      expect(() => periodsSilent(activity({ period }), now)).toThrow(
        new RangeError("period of acme/pay rate must be a positive number of milliseconds"),
      );
  });
});

describe("silenceFindings", () => {
  const system = makeSystem("acme/pay", { indicators: [indicator("rate"), indicator("errors"), indicator("market", "environment")] });

  it("leaves indicators without activity unjudged, so a unit is silent only when all are known silent", () => {
    const index = indexActivity([activity({ lastObservedAt: now - 9 * MINUTE })]);
    expect(silenceFindings(system, index.get("acme/pay")!, now, 5).map((f) => f.rule)).toEqual(["silent-indicator"]);
  });

  it("says how the silence was measured", () => {
    const index = indexActivity([
      activity({ lastObservedAt: now - 9 * MINUTE }),
      activity({ indicator: "errors", lastObservedAt: null, since: now - 6 * MINUTE }),
      activity({ indicator: "market", lastObservedAt: now }),
    ]);
    const [unit] = silenceFindings(system, index.get("acme/pay")!, now, 5);
    expect(unit).toMatchObject({ rule: "silent-unit", message: expect.stringContaining("(rate, errors)") });
    const alone = makeSystem("acme/pay", { indicators: [indicator("rate"), indicator("errors"), indicator("other")] });
    const messages = silenceFindings(alone, index.get("acme/pay")!, now, 5).map((f) => f.message);
    expect(messages).toEqual([
      '"rate" of "acme/pay" has had no data for 9 periods.',
      '"errors" of "acme/pay" has not reported in the 6 periods since it was added.',
    ]);
  });

  it("never calls a system with no operational indicators silent", () => {
    const environmentOnly = makeSystem("acme/pay", { indicators: [indicator("market", "environment")] });
    const index = indexActivity([activity({ indicator: "market", lastObservedAt: null })]);
    expect(silenceFindings(environmentOnly, index.get("acme/pay")!, now, 5).map((f) => f.rule)).toEqual(["silent-indicator"]);
  });

  it("indexes activity by system and indicator, the latest entry winning", () => {
    const index = indexActivity([activity({ period: 1 }), activity({ period: 2 }), activity({ system: "b" })]);
    expect(index.get("acme/pay")?.get("rate")?.period).toBe(2);
    expect([...index.keys()]).toEqual(["acme/pay", "b"]);
  });
});
