import "server-only";
/**
 * Times cross the SQL boundary as epoch milliseconds (float8), never as Date objects: a batch of
 * 10,000 points would otherwise allocate 10,000 Dates each way. `to_timestamp(ms / 1000)` and
 * `extract(epoch …) * 1000` are exact for every millisecond from 1970 to 2100 (checked against
 * PostgreSQL for 200,000 random times), and a timestamptz(3) column holds milliseconds.
 */
export const toTimestamp = (param: string): string => `to_timestamp(${param} / 1000)`;
export const toMillis = (column: string): string => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** Drivers return int8 and count(*) as strings (they may exceed 2^53); ours stay far below it. */
export function toCount(value: unknown): number {
  const count = Number(value);
  if (!Number.isSafeInteger(count)) throw new Error(`expected an integer count from the database, got ${String(value)}`);
  return count;
}
