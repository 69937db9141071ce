/**
 * 64-bit integers as protobufjs decodes them from OTLP protobuf: a long.js `Long`, two 32-bit
 * halves. Read here straight from the halves — exactly, with no BigInt and no decimal string per
 * value: turning every point's two timestamps into decimal strings (`toObject({ longs: String })`)
 * cost more than the rest of decoding a point (BENCHMARKS.md, "Ingest through HTTP").
 */
export interface Int64 {
  low: number;
  high: number;
  unsigned: boolean;
}

/** A decoded protobuf 64-bit integer (long.js marks its instances with `__isLong__`). */
export function isInt64(value: unknown): value is Int64 {
  if (typeof value !== "object" || value === null) return false;
  const { __isLong__: isLong, low, high } = value as { __isLong__?: unknown; low?: unknown; high?: unknown };
  return isLong === true && Number.isInteger(low) && Number.isInteger(high);
}

const TWO_32 = 4294967296;

/**
 * Whole milliseconds of a fixed64 count of nanoseconds, truncated (as ingest-time.ts's
 * nanosToMillis reads the decimal form), or null for zero ("unset" in OTLP). With
 * 2^32 = 4294·10^6 + 967296, n = hi·2^32 + lo = (hi·4294)·10^6 + (hi·967296 + lo), and the last
 * term stays below 2^53, so every step is exact.
 */
export function int64NanosToMillis(nanos: Int64): number | null {
  const hi = nanos.high >>> 0;
  const lo = nanos.low >>> 0;
  if (hi === 0 && lo === 0) return null;
  const rest = hi * 967296 + lo;
  let whole = Math.floor(rest / 1e6);
  // The division rounds: put the quotient right where the remainder says it is off by one.
  const remainder = rest - whole * 1e6;
  if (remainder < 0) whole -= 1;
  else if (remainder >= 1e6) whole += 1;
  return hi * 4294 + whole;
}

/** The double nearest to a signed (sfixed64, int64) or unsigned 64-bit integer: one rounding of the exact sum of its halves. */
export function int64ToNumber(value: Int64): number {
  const high = value.unsigned ? value.high >>> 0 : value.high | 0;
  return high * TWO_32 + (value.low >>> 0);
}
