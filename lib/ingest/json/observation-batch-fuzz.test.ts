import fc from "fast-check";
import { describe, it } from "vitest";
import { decodeOrMalformed, expectSound, FUZZ_NOW, hostileNumber } from "../fuzz-helpers";
import { decodeObservationBatch } from "./decode-observation-batch";

const item = fc.record(
  {
    unit: fc.oneof(fc.constantFrom("acme", "acme/ops"), fc.anything()),
    indicator: fc.oneof(fc.constantFrom("latency", "queue-depth"), fc.anything()),
    indicatorId: fc.oneof(fc.integer(), fc.anything()),
    time: fc.oneof(
      fc.integer({ min: -5, max: 5 }).map((s) => FUZZ_NOW + s * 1000),
      hostileNumber,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
    ),
    value: fc.oneof(hostileNumber, fc.anything()),
  },
  { requiredKeys: [] },
);

describe("JSON batch decoder on hostile input", () => {
  it("gives finite observations and balanced counts, or a MalformedBodyError", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.record({ observations: fc.array(fc.oneof(item, fc.anything()), { maxLength: 8 }) }), fc.anything()),
        (body) => {
          const result = decodeOrMalformed(() => decodeObservationBatch(body, { now: FUZZ_NOW }));
          if (result !== null) expectSound(result);
        },
      ),
      { numRuns: 300 },
    );
  });
});
