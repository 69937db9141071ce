import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { int64NanosToMillis, int64ToNumber, isInt64, type Int64 } from "./otlp-int64";
import { ExportMetricsServiceRequest } from "./read-otlp-protobuf";

/** A 64-bit integer as long.js holds it: two signed 32-bit halves. */
const halves = (n: bigint, unsigned: boolean): Int64 & { __isLong__: true } => ({
  __isLong__: true,
  low: Number(BigInt.asIntN(32, n)),
  high: Number(BigInt.asIntN(32, n >> 32n)),
  unsigned,
});
const unsignedLong = (n: bigint) => halves(n, true);

describe("OTLP protobuf 64-bit integers", () => {
  it("are what protobufjs decodes, told from other values by long.js' mark", () => {
    const point = { timeUnixNano: "1714564800123999999", asInt: "-42" };
    const body = { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "m", gauge: { dataPoints: [point] } }] }] }] };
    const decoded = ExportMetricsServiceRequest.toObject(
      ExportMetricsServiceRequest.decode(ExportMetricsServiceRequest.encode(ExportMetricsServiceRequest.fromObject(body)).finish()),
    );
    const [read] = (decoded as typeof body).resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.gauge.dataPoints as unknown as Record<
      string,
      unknown
    >[];
    expect(isInt64(read!.timeUnixNano) && int64NanosToMillis(read!.timeUnixNano)).toBe(1714564800123);
    expect(isInt64(read!.asInt) && int64ToNumber(read!.asInt)).toBe(-42);
    expect(isInt64({ low: 1, high: 0 })).toBe(false);
    expect(isInt64({ __isLong__: true, low: "1", high: 0 })).toBe(false);
    expect(isInt64("1714564800123000000")).toBe(false);
    expect(isInt64(null)).toBe(false);
  });

  it("give whole milliseconds of nanoseconds exactly, truncated, across the whole unsigned range", () => {
    expect(int64NanosToMillis(unsignedLong(1714564800123999999n))).toBe(1714564800123);
    expect(int64NanosToMillis(unsignedLong(18446744073709551615n))).toBe(18446744073709);
    expect(int64NanosToMillis(unsignedLong(999999n))).toBe(0);
    expect(int64NanosToMillis(unsignedLong(1000000n))).toBe(1);
    expect(int64NanosToMillis(unsignedLong(0n))).toBeNull();
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }), (n) => {
        expect(int64NanosToMillis(unsignedLong(n))).toBe(Number(n / 1_000_000n));
      }),
      { numRuns: 5_000 },
    );
    // Just below and at every millisecond edge around the present, where rounding would show first.
    for (let ms = 1714564800000n; ms < 1714564800000n + 2_000n; ms += 1n) {
      expect(int64NanosToMillis(unsignedLong(ms * 1_000_000n - 1n))).toBe(Number(ms - 1n));
      expect(int64NanosToMillis(unsignedLong(ms * 1_000_000n))).toBe(Number(ms));
    }
  });

  it("give the nearest double to signed and unsigned values, as Number of the decimal would", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
        expect(int64ToNumber(halves(n, false))).toBe(Number(n));
      }),
      { numRuns: 5_000 },
    );
    expect(int64ToNumber(unsignedLong(2n ** 64n - 1n))).toBe(Number(2n ** 64n - 1n));
    expect(int64ToNumber(halves(-42n, false))).toBe(-42);
  });
});
