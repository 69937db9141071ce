import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countsBalance } from "../ingest-counts";
import { decodeOrMalformed, FUZZ_NOW } from "../fuzz-helpers";
import { decodeAlerts } from "./decode-alerts";

const alert = fc.record(
  {
    labels: fc.oneof(
      fc.dictionary(fc.constantFrom("alertname", "vsm_unit", "a-b", "severity"), fc.constantFrom("acme", "X", "")),
      fc.anything(),
    ),
    annotations: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.anything()),
    startsAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
      fc.anything(),
    ),
    endsAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constant("0001-01-01T00:00:00Z"),
      fc.anything(),
    ),
    generatorURL: fc.oneof(fc.webUrl(), fc.anything()),
  },
  { requiredKeys: [] },
);

describe("alerts decoder on hostile input", () => {
  it("gives events with finite times and balanced counts, or a MalformedBodyError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(alert, { maxLength: 5 }), fc.anything()), (body) => {
        const result = decodeOrMalformed(() => decodeAlerts(body, { now: FUZZ_NOW }));
        if (result === null) return;
        for (const event of result.events) {
          expect(Number.isFinite(event.startsAt) && Number.isFinite(event.endsAt)).toBe(true);
          expect(event.fingerprint).toMatch(/^[0-9a-f]{16}$/);
        }
        expect(result.counts.observations).toBe(result.events.length);
        expect(countsBalance(result.counts)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
