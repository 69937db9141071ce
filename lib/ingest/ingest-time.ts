/**
 * Time rules shared by every source. Observations are stored at millisecond precision
 * (`timestamptz(3)`), so finer times are truncated toward the past. A time may lie at most one day
 * ahead of the receiver's clock (senders' clocks drift; a point far in the future would sit ahead
 * of every real one and break the filter's ordering) and not before 1970.
 */
export const MAX_FUTURE_MS = 86_400_000;

/** RFC 3339 date-time with a required offset (`Z` or `±hh:mm`), optional fraction of a second. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export type TimeCheck = { ok: true; time: number } | { ok: false; reason: string };

export function checkTime(time: number, now: number): TimeCheck {
  if (!Number.isFinite(time)) return { ok: false, reason: "time is not a finite number" };
  if (time < 0) return { ok: false, reason: "time is before 1970-01-01" };
  if (time > now + MAX_FUTURE_MS) return { ok: false, reason: "time is more than one day in the future" };
  return { ok: true, time: Math.floor(time) };
}

/**
 * Epoch ms of an RFC 3339 string, or null. Date.parse alone also accepts forms RFC 3339 does not
 * (no offset = local time, "2024-02-30" rolls over), so the shape and the calendar are checked here.
 */
export function parseRfc3339(text: string): number | null {
  // RFC 3339 allows a lowercase "t"/"z" and a space between date and time; Date.parse does not.
  const upper = text.toUpperCase().replace(" ", "T");
  const match = RFC3339.exec(upper);
  if (match === null) return null;
  const parts = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = parts;
  const calendar = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  const clock = hour <= 23 && minute <= 59 && second <= 60 && offsetHours <= 23 && offsetMinutes <= 59;
  if (!calendar || !clock) return null;
  // A leap second (":60") is read as the last instant of that minute, as most clocks do.
  const parsed = Date.parse(second === 60 ? upper.replace(/:60(?=[.Z+-])/, ":59") : upper);
  return Number.isNaN(parsed) ? null : parsed;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Epoch ms from OTLP/JSON's `fixed64` nanoseconds, which arrive as a decimal string or as a JSON
 * number (protobuf's are read by otlp/otlp-int64.ts). Null when absent, zero ("unset" in OTLP) or
 * not a non-negative integer.
 */
export function nanosToMillis(nanos: unknown): number | null {
  if (typeof nanos === "string") {
    if (!/^\d{1,20}$/.test(nanos)) return null;
    // Whole milliseconds are the digits before the last six: exact, and without a BigInt per point
    // (this runs twice for every OTLP point). At most 14 digits remain, well within a double.
    if (/^0+$/.test(nanos)) return null;
    return nanos.length > 6 ? Number(nanos.slice(0, -6)) : 0;
  }
  if (typeof nanos === "number" && Number.isFinite(nanos) && nanos > 0 && Number.isInteger(nanos)) return Math.floor(nanos / 1_000_000);
  return null;
}
