import fc from "fast-check";
import { expect } from "vitest";
import { countsBalance, type IngestCounts } from "./ingest-counts";
import { MAX_FUTURE_MS } from "./ingest-time";
import { MalformedBodyError } from "./malformed-body";
import type { Observation } from "./observation";
import type { Reject } from "./reject";

/** Shared by the property tests: what every decoder promises, whatever the body. */
export const FUZZ_NOW = Date.UTC(2024, 4, 1, 12);

/** Runs a decoder; anything thrown must be the typed MalformedBodyError. Returns null when it threw. */
export function decodeOrMalformed<T>(decode: () => T): T | null {
  try {
    return decode();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedBodyError);
    return null;
  }
}

export function expectSound(result: { observations: readonly Observation[]; rejects: readonly Reject[]; counts: IngestCounts }): void {
  for (const { time, value } of result.observations) {
    expect(Number.isFinite(value), `value ${value}`).toBe(true);
    expect(Number.isInteger(time) && time >= 0 && time <= FUZZ_NOW + MAX_FUTURE_MS, `time ${time}`).toBe(true);
  }
  expect(result.counts.observations).toBe(result.observations.length);
  expect(result.counts.rejected).toBe(result.rejects.length);
  expect(countsBalance(result.counts), JSON.stringify(result.counts)).toBe(true);
}

/** Numbers that break naive code: NaN, infinities, -0, extremes, non-integers, beyond 2^53. */
export const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 53 + 2,
    2 ** 64 - 1,
  ),
  fc.integer(),
);

/** Bytes of a valid body with a few of them changed, cut or inserted. */
export function mutated(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      valid,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("set", "cut", "insert")), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([bytes, edits]) => {
      let out = Array.from(bytes);
      for (const [position, byte, edit] of edits) {
        const at = out.length === 0 ? 0 : position % out.length;
        if (edit === "set") out[at] = byte;
        else if (edit === "cut") out = out.slice(0, at);
        else out.splice(at, 0, byte);
      }
      return Uint8Array.from(out);
    });
}
