import { describe, expect, it } from "vitest";
import { addPoints, bucketCount, chooseResolution, stepMillis, stepView, type StepMoments } from "@/lib/api/step-buckets";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const D0 = Date.UTC(2026, 10, 30); // a midnight UTC

describe("stepMillis", () => {
  it("reads seconds, minutes, hours and days", () => {
    expect(stepMillis("90s")).toBe(90_000);
    expect(stepMillis("5m")).toBe(5 * MINUTE);
    expect(stepMillis("1h")).toBe(HOUR);
    expect(stepMillis("7d")).toBe(7 * DAY);
  });

  it("refuses anything else", () => {
    for (const text of ["", "5", "0m", "05m", "1.5h", "1w", "m", "-1h", " 1h", "1h "]) expect(stepMillis(text), text).toBeNull();
  });
});

describe("chooseResolution", () => {
  it("takes the coarsest roll-up that tiles every step and both ends", () => {
    expect(chooseResolution(D0, D0 + 7 * DAY, DAY)).toBe("day");
    expect(chooseResolution(D0, D0 + 2 * DAY, 6 * HOUR)).toBe("hour");
    expect(chooseResolution(D0 + HOUR, D0 + 2 * DAY, DAY)).toBe("hour");
    expect(chooseResolution(D0, D0 + HOUR, 5 * MINUTE)).toBe("minute");
    // 90 minutes: an hour bucket would straddle two steps.
    expect(chooseResolution(D0, D0 + DAY, 90 * MINUTE)).toBe("minute");
    // A day step whose range ends mid-day: day buckets would run past `to`.
    expect(chooseResolution(D0, D0 + DAY + 30 * MINUTE, DAY)).toBe("minute");
  });

  it("has none for a range or step off the minute", () => {
    expect(chooseResolution(D0 + 1, D0 + HOUR, MINUTE)).toBeNull();
    expect(chooseResolution(D0, D0 + HOUR, 90_000)).toBeNull();
  });
});

describe("bucketCount", () => {
  it("counts the steps covering the range, the last one possibly cut short", () => {
    expect(bucketCount(D0, D0 + HOUR, 5 * MINUTE)).toBe(12);
    expect(bucketCount(D0, D0 + HOUR + MINUTE, 5 * MINUTE)).toBe(13);
  });
});

describe("addPoints", () => {
  const range = { from: D0, step: 10 * MINUTE };
  /** The statistics of raw values, computed the plain way. */
  const direct = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { count: values.length, mean, sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) };
  };

  it("merges unfolded points into the summed steps exactly, and opens steps the sums did not have", () => {
    // Step 0 already holds 2, 4, 6 (mean 4, M2 8); the journal adds 8 to it and 10 to step 3.
    const stored: StepMoments[] = [{ index: 0, count: 3, sum: 12, m2: 8, min: 2, max: 6 }];
    const merged = addPoints(
      stored,
      [
        { time: D0 + 9 * MINUTE, value: 8 },
        { time: D0 + 35 * MINUTE, value: 10 },
      ],
      range,
    );
    expect(merged.map((s) => s.index)).toEqual([0, 3]);
    const first = stepView(merged[0]!, range);
    expect(first).toMatchObject({ start: D0, count: 4, sum: 20, min: 2, max: 8 });
    expect(first.mean).toBeCloseTo(direct([2, 4, 6, 8]).mean, 12);
    expect(first.sd).toBeCloseTo(direct([2, 4, 6, 8]).sd, 12);
    expect(stepView(merged[1]!, range)).toEqual({ start: D0 + 30 * MINUTE, count: 1, sum: 10, mean: 10, sd: 0, min: 10, max: 10 });
    // The input is left as it was.
    expect(stored[0]).toEqual({ index: 0, count: 3, sum: 12, m2: 8, min: 2, max: 6 });
  });

  it("keeps a large level with a small spread exact (no Σx² cancellation)", () => {
    const values = [1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4];
    const merged = addPoints(
      [],
      values.map((value, i) => ({ time: D0 + i * MINUTE, value })),
      range,
    );
    expect(stepView(merged[0]!, range).sd).toBeCloseTo(direct([1, 2, 3, 4]).sd, 9);
  });
});
