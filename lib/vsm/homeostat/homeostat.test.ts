import { describe, expect, it } from "vitest";
import { attentionShare, homeostatBalance, type AttentionRecord } from "@/lib/vsm/homeostat/attention-share";
import { homeostat } from "@/lib/vsm/homeostat/homeostat";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";
import { DAY, HOUR } from "@/lib/vsm/types";

const settings = DEFAULT_POLICY.homeostat; // target 0.5 ± 0.2
const t0 = Date.UTC(2025, 9, 6);

describe("attentionShare", () => {
  it("divides weighted spend between S3 and S4 within the window", () => {
    const records: AttentionRecord[] = [
      { at: t0, tag: "S3", weight: 6 },
      { at: t0 + HOUR, tag: "S4", weight: 2 },
      { at: t0 + 2 * HOUR, tag: "S3", weight: 2 },
      { at: t0 + DAY, tag: "S4", weight: 100 },
    ];
    expect(attentionShare(records, { from: t0, to: t0 + DAY }, settings)).toEqual({
      window: { from: t0, to: t0 + DAY },
      s3: 8,
      s4: 2,
      s4Share: 0.2,
      state: "S3-dominant",
    });
  });

  it("is balanced on both edges of the band and dominant beyond them", () => {
    expect(homeostatBalance(0.7, settings)).toBe("balanced");
    expect(homeostatBalance(0.3, settings)).toBe("balanced");
    expect(homeostatBalance(0.71, settings)).toBe("S4-dominant");
    expect(homeostatBalance(0.29, settings)).toBe("S3-dominant");
    expect(homeostatBalance(0.29, resolvePolicy([{ homeostat: { target: 0.25 } }]).homeostat)).toBe("balanced");
  });

  it("has no share when nothing was spent and rejects negative weights", () => {
    expect(attentionShare([], { from: t0, to: t0 + 1 }, settings)).toMatchObject({ s4Share: null, state: null });
    expect(() => attentionShare([{ at: t0, tag: "S3", weight: -1 }], { from: t0, to: t0 + 1 }, settings)).toThrow(RangeError);
  });
});

describe("homeostat", () => {
  it("shows the S4 share day by day with its trend", () => {
    // S4 share 0.2, 0.3, 0.4, 0.5 on four days (10 units spent a day), then a day with nothing.
    const records: AttentionRecord[] = [2, 3, 4, 5].flatMap((s4, d) => [
      { at: t0 + d * DAY + HOUR, tag: "S4" as const, weight: s4 },
      { at: t0 + d * DAY + 2 * HOUR, tag: "S3" as const, weight: 10 - s4 },
    ]);
    const view = homeostat(records, { from: t0, to: t0 + 5 * DAY }, DAY, settings);
    expect(view.windows.map((w) => w.s4Share)).toEqual([0.2, 0.3, 0.4, 0.5, null]);
    expect(view.windows.map((w) => w.state)).toEqual(["S3-dominant", "balanced", "balanced", "balanced", null]);
    expect(view.overall).toMatchObject({ s3: 26, s4: 14, state: "balanced" });
    expect(view.overall.s4Share).toBeCloseTo(0.35, 12);
    expect(view.slopePerDay).toBeCloseTo(0.1, 12);
    expect(view.trend!.r2).toBeCloseTo(1, 12);
    expect(view.trend!.n).toBe(4);
  });

  it("has no trend with fewer than two steps of data", () => {
    const view = homeostat([{ at: t0, tag: "S3", weight: 1 }], { from: t0, to: t0 + 2 * DAY }, DAY, settings);
    expect(view.trend).toBeNull();
    expect(view.slopePerDay).toBeNull();
  });
});
