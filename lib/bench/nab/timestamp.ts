/** `2014-04-10 07:15:00`, optionally with a fraction (`.000000` in windows.json). */
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/**
 * A NAB timestamp in epoch milliseconds. The files hold local wall-clock times with no zone, so
 * they are read as if UTC: every file is then on one clock whatever the host's zone, and an hour
 * between two rows is 3,600,000 ms (a host-local parse would stretch or squeeze gaps at the host's
 * DST changes, and a repeated wall-clock hour in the data stays visible as a zero or negative gap).
 */
export function parseNaiveTimestamp(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`not a NAB timestamp: "${text}"`);
  const [, year, month, day, hour, minute, second, fraction = ""] = match;
  const ms = Number(fraction.padEnd(3, "0").slice(0, 3));
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
}
