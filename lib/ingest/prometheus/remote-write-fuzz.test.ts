import fc from "fast-check";
import { compress } from "snappyjs";
import { describe, it } from "vitest";
import { decodeOrMalformed, expectSound, FUZZ_NOW, hostileNumber, mutated } from "../fuzz-helpers";
import { decodeRemoteWrite } from "./decode-remote-write";
import { writeRequestBytes, type SeriesSpec } from "./remote-write-fixtures";

const series: fc.Arbitrary<SeriesSpec> = fc.record({
  labels: fc.record(
    {
      __name__: fc.oneof(
        { arbitrary: fc.constantFrom("jobs_total", "queue_depth", "lat_bucket", "rpc_sum"), weight: 8 },
        { arbitrary: fc.string(), weight: 1 },
      ),
      vsm_unit: fc.oneof({ arbitrary: fc.constantFrom("acme/ops", "acme"), weight: 8 }, { arbitrary: fc.string(), weight: 1 }),
      code: fc.constantFrom("200", "500"),
    },
    { requiredKeys: [] },
  ),
  samples: fc.array(
    fc.record({
      value: fc.oneof({ arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }), weight: 4 }, { arbitrary: hostileNumber, weight: 1 }),
      timestamp: fc.oneof(
        { arbitrary: fc.integer({ min: -5, max: 5 }).map((seconds) => FUZZ_NOW + seconds * 15_000), weight: 6 },
        { arbitrary: fc.maxSafeInteger(), weight: 1 },
        { arbitrary: fc.integer(), weight: 1 },
      ),
    }),
    { maxLength: 4 },
  ),
});
const requestBytes = fc.array(series, { maxLength: 6 }).map((specs) => writeRequestBytes(specs));

describe("remote-write decoder on hostile input", () => {
  it("random bytes and mutated bodies, before or after snappy, give sound results or a MalformedBodyError", () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      mutated(requestBytes.map((bytes) => compress(bytes))),
      mutated(requestBytes).map((bytes) => compress(bytes)),
    );
    fc.assert(
      fc.property(body, (bytes) => {
        const result = decodeOrMalformed(() => decodeRemoteWrite(bytes, { now: FUZZ_NOW, memory: new Map() }));
        if (result !== null) expectSound(result);
      }),
      { numRuns: 300 },
    );
  });

  it("rates from the memory of an earlier request stay finite, whatever the values", () => {
    fc.assert(
      fc.property(requestBytes, requestBytes, (first, second) => {
        const before = decodeRemoteWrite(compress(first), { now: FUZZ_NOW, memory: new Map() });
        expectSound(before);
        const after = decodeRemoteWrite(compress(second), { now: FUZZ_NOW, memory: before.memory, metricTypes: before.metricTypes });
        expectSound(after);
      }),
      { numRuns: 200 },
    );
  });
});
