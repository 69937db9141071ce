import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countsBalance } from "../ingest-counts";
import { checkTime, parseRfc3339 } from "../ingest-time";
import { MalformedBodyError } from "../malformed-body";
import { decodeObservationBatch } from "./decode-observation-batch";
import { MAX_BATCH_ITEMS, observationBatchSchema, observationItemSchema } from "./observation-batch-schema";

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const decode = (body: unknown) => decodeObservationBatch(body, { now: NOW });
const item = (extra: Record<string, unknown> = {}) => ({
  unit: "acme/ops/payments",
  indicator: "latency-p99",
  time: NOW - 60_000,
  value: 212.5,
  ...extra,
});

describe("decodeObservationBatch", () => {
  it("turns items into observations with epoch-ms times", () => {
    const result = decode({
      observations: [
        item(),
        item({ time: "2024-05-01T11:58:00.250+00:00", value: -3 }),
        { unit: "acme", indicatorId: 42, time: 0, value: 0 },
      ],
    });
    expect(result.observations).toEqual([
      { unitPath: "acme/ops/payments", indicatorKey: "latency-p99", time: NOW - 60_000, value: 212.5 },
      { unitPath: "acme/ops/payments", indicatorKey: "latency-p99", time: NOW - 119_750, value: -3 },
      { unitPath: "acme", indicatorId: 42, time: 0, value: 0 },
    ]);
    expect(result.rejects).toEqual([]);
    expect(result.counts).toMatchObject({ source: "json", points: 3, observations: 3, rejected: 0 });
  });

  it("rejects each bad item with a reason naming its path, and keeps the good ones", () => {
    const result = decode({
      observations: [
        item({ unit: "Acme/Ops" }),
        item({ indicator: "Latency P99" }),
        item({ value: "212.5" }),
        item({ value: null }),
        item({ time: "2024-05-01T12:00:00" }),
        item({ time: NOW + 86_400_001 }),
        item({ time: 1.5 }),
        item({ indicatorId: 7 }),
        { unit: "acme", time: NOW, value: 1 },
        "not an item",
        item(),
      ],
    });
    expect(result.rejects.map((r) => [r.at, r.code])).toEqual([
      ["observations[0]", "invalid_unit"],
      ["observations[1]", "invalid_indicator"],
      ["observations[2]", "invalid_value"],
      ["observations[3]", "invalid_value"],
      ["observations[4]", "invalid_time"],
      ["observations[5]", "invalid_time"],
      ["observations[6]", "invalid_time"],
      ["observations[7]", "invalid_indicator"],
      ["observations[8]", "invalid_indicator"],
      ["observations[9]", "invalid_item"],
    ]);
    expect(result.rejects[2]?.message).toBe("observations[2].value: expected a finite number");
    expect(result.rejects[5]).toMatchObject({
      message: "observations[5].time: time is more than one day in the future",
      unitPath: "acme/ops/payments",
      indicatorKey: "latency-p99",
    });
    expect(result.observations).toHaveLength(1);
    expect(result.counts).toMatchObject({ points: 11, observations: 1, rejected: 10 });
    expect(countsBalance(result.counts)).toBe(true);
  });

  it("names every problem of an item in its one reject", () => {
    const [only] = decode({ observations: [{ unit: "", indicator: "ok", time: "yesterday", value: Number.NaN }] }).rejects;
    expect(only?.code).toBe("invalid_unit");
    expect(only?.message).toContain("observations[0].unit: ");
    expect(only?.message).toContain("observations[0].time: ");
    expect(only?.message).toContain("observations[0].value: expected a finite number");
  });

  it("lets the last of duplicate (unit, indicator, time) items win", () => {
    const result = decode({
      observations: [item({ value: 1 }), item({ value: 2, time: NOW }), item({ value: 3 }), item({ value: 4, unit: "acme" })],
    });
    expect(result.observations.map((o) => o.value)).toEqual([2, 3, 4]);
    expect(result.positions).toEqual(["observations[1]", "observations[2]", "observations[3]"]);
    expect(result.counts).toMatchObject({ points: 4, observations: 3, superseded: 1 });
    expect(countsBalance(result.counts)).toBe(true);
  });

  it("treats an ISO string and epoch ms of the same instant as the same time", () => {
    const result = decode({ observations: [item({ time: "2024-05-01T12:00:00Z", value: 1 }), item({ time: NOW, value: 2 })] });
    expect(result.observations).toEqual([{ unitPath: "acme/ops/payments", indicatorKey: "latency-p99", time: NOW, value: 2 }]);
  });

  it("fails as a whole for a body that is not a batch, with 400 or 422", () => {
    for (const body of [null, [], "x", 5]) {
      expect(() => decode(body)).toThrow(MalformedBodyError);
      expect(() => decode(body)).toThrow(expect.objectContaining({ status: 400 }));
    }
    expect(() => decode({ observations: {} })).toThrow(
      expect.objectContaining({ status: 422, details: [{ path: "observations", message: "expected an array" }] }),
    );
    expect(() => decode({})).toThrow(expect.objectContaining({ status: 422 }));
  });

  it("refuses more than 10,000 items before looking at any", () => {
    const many = Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => item());
    expect(() => decode({ observations: many })).toThrow(
      expect.objectContaining({ status: 422, message: expect.stringContaining("10000") }),
    );
    expect(decode({ observations: many.slice(1) }).counts.superseded).toBe(MAX_BATCH_ITEMS - 1);
  });

  it("has a batch schema for the OpenAPI document that agrees with the decoder", () => {
    expect(observationBatchSchema.safeParse({ observations: [item(), item({ indicator: undefined, indicatorId: 3 })] }).success).toBe(true);
    expect(observationBatchSchema.safeParse({ observations: [item({ value: Number.POSITIVE_INFINITY })] }).success).toBe(false);
  });

  it("takes exactly the items the item schema takes, with the same fields, however they repeat in a batch", () => {
    const anItem = fc.record(
      {
        unit: fc.constantFrom("acme/ops/payments", "acme", "Acme", "acme//ops", "", 7, null, "a".repeat(300)),
        indicator: fc.constantFrom("latency-p99", "Latency", "", "-x", 3),
        indicatorId: fc.constantFrom(42, -1, 1.5, 2 ** 40, "42"),
        time: fc.oneof(
          fc.integer({ min: NOW - 86_400_000, max: NOW }),
          fc.constantFrom(1.5, Number.NaN, 2 ** 60, -1, "2024-05-01T11:58:00Z", "yesterday", null),
        ),
        value: fc.oneof(fc.double(), fc.constantFrom("3", null, true)),
        extra: fc.constantFrom("ignored", 1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(anItem, { minLength: 1, maxLength: 6 }), (items) => {
        const result = decode({ observations: items });
        const taken = new Set(result.positions);
        items.forEach((raw, index) => {
          const at = `observations[${index}]`;
          const parsed = observationItemSchema.safeParse(raw);
          const rejects = result.rejects.filter((r) => r.at === at);
          if (!parsed.success) {
            expect(rejects, at).toHaveLength(1);
            return;
          }
          // Taken by the schema: refused only for a time outside the window, else stored (or superseded by a later duplicate).
          const { time } = parsed.data;
          const inWindow = checkTime(typeof time === "number" ? time : (parseRfc3339(time) ?? Number.NaN), NOW).ok;
          expect(
            rejects.map((r) => r.code),
            at,
          ).toEqual(inWindow ? [] : ["invalid_time"]);
          if (!taken.has(at)) return;
          const observation = result.observations[result.positions.indexOf(at)]!;
          expect(observation.unitPath).toBe(parsed.data.unit);
          expect(observation.value).toBe(parsed.data.value);
          expect("indicatorKey" in observation ? observation.indicatorKey : observation.indicatorId).toBe(
            parsed.data.indicator ?? parsed.data.indicatorId,
          );
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
