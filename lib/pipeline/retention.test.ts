import { describe, expect, it } from "vitest";
import {
  addMonths,
  monthExpired,
  monthsAhead,
  monthStart,
  partitionMonth,
  partitionName,
  rawRetention,
  rollupCutoffs,
} from "@/lib/pipeline/retention";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const utc = (y: number, m: number, d = 1, h = 0, min = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, min, s, ms);

describe("monthly partitions", () => {
  it("finds the UTC month of a time, to the millisecond at its edges", () => {
    expect(monthStart(utc(2026, 11, 30, 23, 59, 59, 999))).toBe(utc(2026, 11));
    expect(monthStart(utc(2026, 12, 1))).toBe(utc(2026, 12));
    expect(monthStart(utc(2024, 2, 29, 12))).toBe(utc(2024, 2));
  });

  it("steps months across year ends, both ways", () => {
    expect(addMonths(utc(2026, 11), 2)).toBe(utc(2027, 1));
    expect(addMonths(utc(2027, 1), -1)).toBe(utc(2026, 12));
    expect(monthsAhead(utc(2026, 11, 30, 14), 2)).toEqual([utc(2026, 11), utc(2026, 12), utc(2027, 1)]);
  });

  it("names partitions by year and month and reads the names back", () => {
    expect(partitionName(utc(2027, 1))).toBe("observation_y2027m01");
    expect(partitionMonth("observation_y2027m01")).toBe(utc(2027, 1));
    expect(partitionMonth("observation_y2026m12")).toBe(utc(2026, 12));
    for (const other of [
      "observation_default",
      "observation_y2026m13",
      "observation_y2026m00",
      "observation_y2026m1",
      "x_observation_y2026m01",
    ]) {
      expect(partitionMonth(other)).toBeNull();
    }
  });

  it("lets a month go only once all of it is older than the cutoff", () => {
    const october = utc(2026, 10);
    expect(monthExpired(october, utc(2026, 11))).toBe(true);
    expect(monthExpired(october, utc(2026, 10, 31, 23, 59, 59, 999))).toBe(false);
    expect(monthExpired(october, utc(2026, 10, 15))).toBe(false);
  });
});

describe("rawRetention", () => {
  it("keeps raw points at least as long as minute buckets, which are rolled up from them", () => {
    const rollups = { minute: 7 * DAY, hour: 90 * DAY, day: 365 * DAY };
    expect(rawRetention({ raw: 35 * DAY, rollups })).toBe(35 * DAY);
    expect(rawRetention({ raw: DAY, rollups })).toBe(7 * DAY);
  });
});

describe("rollupCutoffs", () => {
  it("keeps a bucket while any part of it is within its resolution's retention", () => {
    const now = utc(2026, 11, 30, 12);
    const cutoffs = rollupCutoffs(now, { minute: 7 * DAY, hour: 90 * DAY, day: 5 * 365 * DAY });
    // The minute bucket ending exactly at now − 7 days goes; the one after it stays.
    const edge = now - 7 * DAY - MINUTE;
    expect(edge < cutoffs.minute).toBe(true);
    expect(edge + MINUTE < cutoffs.minute).toBe(false);
    expect(now - 90 * DAY - HOUR < cutoffs.hour).toBe(true);
    expect(now - 90 * DAY - HOUR + 1 < cutoffs.hour).toBe(false);
    expect(cutoffs.day).toBe(now - 5 * 365 * DAY - DAY + 1);
  });
});
