import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOrMalformed, expectSound, FUZZ_NOW, hostileNumber, mutated } from "../fuzz-helpers";
import { MalformedBodyError } from "../malformed-body";
import { decodeOtlpJson, decodeOtlpProtobuf, mapOtlpRequest } from "./decode-otlp-metrics";
import { otlpRequestSchema } from "./otlp-request-schema";
import { ExportMetricsServiceRequest, readOtlpProtobuf } from "./read-otlp-protobuf";

/** Mostly plausible times around now (so points get through to rates and merging), sometimes anything. */
const nanos = fc.oneof(
  { arbitrary: fc.integer({ min: -5, max: 5 }).map((seconds) => `${FUZZ_NOW + seconds * 1000}000000`), weight: 6 },
  { arbitrary: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String), weight: 1 },
  { arbitrary: hostileNumber, weight: 1 },
  { arbitrary: fc.string(), weight: 1 },
);
const anyValue = fc.oneof(
  { arbitrary: fc.record({ stringValue: fc.constantFrom("acme/ops", "acme") }), weight: 20 },
  { arbitrary: fc.record({ stringValue: fc.constantFrom("Bad Unit", "") }), weight: 1 },
  { arbitrary: fc.record({ intValue: fc.oneof(fc.integer(), fc.string()) }), weight: 1 },
  { arbitrary: fc.record({ doubleValue: hostileNumber }), weight: 1 },
  { arbitrary: fc.anything(), weight: 1 },
);
const plausibleValue = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }), weight: 4 },
  { arbitrary: hostileNumber, weight: 1 },
);
const point = fc.record(
  {
    timeUnixNano: nanos,
    startTimeUnixNano: nanos,
    asDouble: fc.oneof(plausibleValue, fc.constantFrom("NaN", "Infinity", "-Infinity", "1e400", "12")),
    asInt: fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String), hostileNumber),
    flags: fc.oneof(fc.constant(0), fc.nat(), hostileNumber),
    attributes: fc.array(fc.record({ key: fc.constantFrom("vsm.unit", "a", "b"), value: anyValue }), { maxLength: 2 }),
  },
  { requiredKeys: ["timeUnixNano"] },
);
const metric = fc.record(
  {
    name: fc.oneof(
      { arbitrary: fc.constantFrom("queue.depth", "http_requests_total"), weight: 8 },
      { arbitrary: fc.constantFrom("...", ""), weight: 1 },
    ),
    gauge: fc.record({ dataPoints: fc.array(point, { maxLength: 4 }) }),
    sum: fc.record({
      dataPoints: fc.array(point, { maxLength: 4 }),
      aggregationTemporality: fc.integer({ min: 0, max: 3 }),
      isMonotonic: fc.boolean(),
    }),
    histogram: fc.record({ dataPoints: fc.array(fc.anything(), { maxLength: 2 }) }),
  },
  { requiredKeys: ["name"] },
);
const request = fc.record({
  resourceMetrics: fc.array(
    fc.record({
      resource: fc.record({
        attributes: fc.oneof(
          {
            arbitrary: anyValue.map((value) => [
              { key: "vsm.unit", value },
              { key: "service.name", value: { stringValue: "x" } },
            ]),
            weight: 4,
          },
          {
            arbitrary: fc.array(fc.record({ key: fc.constantFrom("vsm.unit", "service.name"), value: anyValue }), { maxLength: 3 }),
            weight: 1,
          },
        ),
      }),
      scopeMetrics: fc.array(fc.record({ metrics: fc.array(metric, { maxLength: 4 }) }), { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
});
const memory = fc
  .array(fc.tuple(fc.string(), fc.record({ time: fc.integer({ min: 0, max: FUZZ_NOW }), value: hostileNumber.filter(Number.isFinite) })))
  .map((entries) => new Map(entries));

/** Protobuf bodies from JSON-shaped requests whose scalars fit the descriptor's types. */
const protobufBody = request.map((value) => {
  try {
    return ExportMetricsServiceRequest.encode(ExportMetricsServiceRequest.fromObject(value)).finish();
  } catch {
    return new Uint8Array(); // fromObject refuses some hostile shapes; the empty body is valid too
  }
});

describe("OTLP decoders on hostile input", () => {
  it("JSON: any structure gives finite observations and balanced counts, or a MalformedBodyError", () => {
    fc.assert(
      fc.property(fc.oneof(request, fc.anything()), memory, (body, previous) => {
        const result = decodeOrMalformed(() => decodeOtlpJson(body, { now: FUZZ_NOW, memory: previous }));
        if (result !== null) expectSound(result);
      }),
      { numRuns: 300 },
    );
  });

  it("protobuf: random and mutated bodies give sound results or a MalformedBodyError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), protobufBody, mutated(protobufBody)), memory, (body, previous) => {
        const result = decodeOrMalformed(() => decodeOtlpProtobuf(body, { now: FUZZ_NOW, memory: previous }));
        if (result !== null) expectSound(result);
      }),
      { numRuns: 300 },
    );
  });

  it("protobuf read from the decoded messages maps exactly as the request converted to OTLP/JSON's shape and checked by its schema", () => {
    // The reference is the longer way: a converted copy of the whole request, through the JSON schema.
    const converted = (body: Uint8Array) =>
      otlpRequestSchema.safeParse(
        ExportMetricsServiceRequest.toObject(ExportMetricsServiceRequest.decode(body), { bytes: String, enums: Number, arrays: true }),
      );
    let mapped = 0;
    fc.assert(
      fc.property(fc.oneof(wellFormedBody, mutated(wellFormedBody)), (body) => {
        let reference: ReturnType<typeof converted>;
        try {
          reference = converted(body);
        } catch {
          expect(() => readOtlpProtobuf(body)).toThrow(MalformedBodyError);
          return;
        }
        const direct = mapOtlpRequest(readOtlpProtobuf(body), FUZZ_NOW);
        // The schema refuses an attribute whose key proto3 left unset (the empty string); the direct read takes it.
        if (!reference.success) return;
        mapped += direct.pending.length;
        expect(direct).toEqual(mapOtlpRequest(reference.data, FUZZ_NOW));
      }),
      { numRuns: 300 },
    );
    // Most runs carried points that got through to values, so values were compared, not only rejects.
    expect(mapped).toBeGreaterThan(100);
  });
});

/** Protobuf bodies that fromObject always takes: plausible points, each with one kind of value or none, some with attributes. */
const wellFormedPoint = fc
  .record(
    {
      timeUnixNano: fc.integer({ min: -5, max: 5 }).map((seconds) => `${FUZZ_NOW + seconds * 1000}000000`),
      startTimeUnixNano: fc.integer({ min: 10, max: 100 }).map((seconds) => `${FUZZ_NOW - seconds * 1000}000000`),
      flags: fc.constantFrom(0, 0, 0, 1),
      attributes: fc.array(
        fc.record({
          key: fc.constantFrom("a", "b"),
          value: fc.oneof(
            fc.record({ stringValue: fc.string({ maxLength: 3 }) }),
            fc.record({ intValue: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String) }),
            fc.record({ boolValue: fc.boolean() }),
            fc.record({ bytesValue: fc.constantFrom("AAE=", "") }),
            fc.record({ arrayValue: fc.record({ values: fc.array(fc.record({ doubleValue: fc.double() }), { maxLength: 2 }) }) }),
          ),
        }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ["timeUnixNano"] },
  )
  .chain((point) =>
    fc.oneof(
      fc.double({ min: -1e6, max: 1e6 }).map((asDouble) => ({ ...point, asDouble })),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((asInt) => ({ ...point, asInt: String(asInt) })),
      fc.constant(point),
    ),
  );
const wellFormedPoints = fc.array(wellFormedPoint, { minLength: 1, maxLength: 4 });
const wellFormedMetric = fc
  .record(
    {
      name: fc.constantFrom("queue.depth", "http_requests_total", "queue.depth", "http_requests_total", ""),
      gauge: fc.record({ dataPoints: wellFormedPoints }),
      sum: fc.record({
        dataPoints: wellFormedPoints,
        aggregationTemporality: fc.constantFrom(1, 2, 1, 2, 0, 3),
        isMonotonic: fc.boolean(),
      }),
    },
    { requiredKeys: ["name"] },
  )
  .chain((metric) =>
    // Now and then a distribution beside the number, or instead of it: only counted and rejected.
    fc.constantFrom(metric, metric, metric, { ...metric, summary: { dataPoints: [{}] } }),
  );
const wellFormedBody = fc
  .record({
    resourceMetrics: fc.array(
      fc.record(
        {
          resource: fc.record({
            attributes: fc
              .constantFrom("acme/ops", "acme", "acme/ops", "acme", "Bad Unit")
              .map((unit) => [{ key: "vsm.unit", value: { stringValue: unit } }]),
          }),
          scopeMetrics: fc.array(
            fc.record(
              {
                scope: fc.record({ name: fc.string({ maxLength: 3 }), version: fc.string({ maxLength: 3 }) }),
                metrics: fc.array(wellFormedMetric, { minLength: 1, maxLength: 4 }),
              },
              { requiredKeys: ["metrics"] },
            ),
            { minLength: 1, maxLength: 2 },
          ),
        },
        { requiredKeys: ["scopeMetrics"] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((value) => ExportMetricsServiceRequest.encode(ExportMetricsServiceRequest.fromObject(value)).finish());
