import { describe, expect, it } from "vitest";
import { checkTime, MAX_FUTURE_MS, nanosToMillis, parseRfc3339 } from "./ingest-time";

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

describe("parseRfc3339", () => {
  it("reads UTC, offsets and fractions to the millisecond", () => {
    expect(parseRfc3339("2024-05-01T12:00:00Z")).toBe(NOW);
    expect(parseRfc3339("2024-05-01T14:30:00+02:30")).toBe(NOW);
    expect(parseRfc3339("2024-05-01T12:00:00.123456789Z")).toBe(NOW + 123);
    expect(parseRfc3339("2024-05-01t12:00:00z")).toBe(NOW);
    expect(parseRfc3339("2024-05-01 12:00:00Z")).toBe(NOW);
  });

  it("reads a leap second as the last instant of its minute", () => {
    expect(parseRfc3339("2016-12-31T23:59:60Z")).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
  });

  it("refuses what RFC 3339 refuses even where Date.parse would guess", () => {
    for (const text of [
      "2024-05-01T12:00:00", // no offset: Date.parse takes local time
      "2024-02-30T00:00:00Z", // Date.parse rolls over to March
      "2023-02-29T00:00:00Z",
      "2024-13-01T00:00:00Z",
      "2024-05-01T24:00:00Z",
      "2024-05-01T12:00:00+24:00",
      "2024-05-01",
      "1714564800000",
      "",
    ]) {
      expect(parseRfc3339(text), text).toBeNull();
    }
    expect(parseRfc3339("2024-02-29T00:00:00Z")).toBe(Date.UTC(2024, 1, 29));
  });
});

describe("checkTime", () => {
  it("accepts 1970 up to one day ahead of now, truncating to whole milliseconds", () => {
    expect(checkTime(0, NOW)).toEqual({ ok: true, time: 0 });
    expect(checkTime(NOW + MAX_FUTURE_MS, NOW)).toEqual({ ok: true, time: NOW + MAX_FUTURE_MS });
    expect(checkTime(NOW + 0.9, NOW)).toEqual({ ok: true, time: NOW });
  });

  it("refuses earlier, later and non-finite times with a reason", () => {
    expect(checkTime(-1, NOW)).toEqual({ ok: false, reason: "time is before 1970-01-01" });
    expect(checkTime(NOW + MAX_FUTURE_MS + 1, NOW)).toEqual({ ok: false, reason: "time is more than one day in the future" });
    expect(checkTime(Number.NaN, NOW).ok).toBe(false);
    expect(checkTime(Number.POSITIVE_INFINITY, NOW).ok).toBe(false);
  });
});

describe("nanosToMillis", () => {
  it("reads fixed64 nanoseconds as strings beyond 2^53 exactly, and as numbers", () => {
    expect(nanosToMillis("1714564800123999999")).toBe(NOW + 123);
    expect(nanosToMillis(1714564800123000000)).toBe(NOW + 123);
    expect(nanosToMillis("18446744073709551615")).toBe(18446744073709);
  });

  it("agrees with exact BigInt division on every length, leading zeros and sub-millisecond values", () => {
    let seed = 11;
    const digit = () => String((seed = (seed * 48271) % 2147483647) % 10);
    for (let i = 0; i < 2_000; i += 1) {
      const text = Array.from({ length: 1 + (i % 20) }, digit).join("");
      const value = BigInt(text);
      expect(nanosToMillis(text), text).toBe(value === 0n ? null : Number(value / 1_000_000n));
    }
    expect(nanosToMillis("000000000999999")).toBe(0);
    expect(nanosToMillis("0000000001000000")).toBe(1);
  });

  it("treats zero as unset and refuses what is not a non-negative integer", () => {
    for (const value of ["0", 0, "-5", "1.5", "", "1e18", 1.5, -1, Number.NaN, null, undefined, true, "123456789012345678901"]) {
      expect(nanosToMillis(value), String(value)).toBeNull();
    }
  });
});
