import { describe, expect, it } from "vitest";
import { countsBalance } from "../ingest-counts";
import { MalformedBodyError } from "../malformed-body";
import { decodeOtlpJson, decodeOtlpProtobuf, type OtlpResult } from "./decode-otlp-metrics";
import { at, gauge, histogram, jsonBody, protobufBody, resourceMetrics, sum, T0 } from "./otel-fixtures";

const NOW = T0 + 120_000;
const UNIT = { "vsm.unit": "acme/ops/payments", "service.name": "payments", "service.instance.id": "pod-1" };
const decode = (body: Uint8Array, memory: OtlpResult["memory"] = new Map()) => decodeOtlpProtobuf(body, { now: NOW, memory });

describe("decodeOtlpProtobuf on bodies from the OpenTelemetry JS serializer", () => {
  it("maps gauge points to values of the unit named by vsm.unit, at millisecond times", () => {
    const body = protobufBody(resourceMetrics(UNIT, [gauge("queue.depth", [{ end: at(60, 999_999), value: 17 }])]));
    const result = decode(body);
    expect(result.observations).toEqual([{ unitPath: "acme/ops/payments", indicatorKey: "queue-depth", time: T0 + 60_000, value: 17 }]);
    expect(result.rejects).toEqual([]);
    expect(result.counts).toMatchObject({ source: "otlp", points: 1, observations: 1 });
  });

  it("turns a cumulative counter into requests per second across two requests", () => {
    const first = decode(
      protobufBody(resourceMetrics(UNIT, [sum("http.server.requests", "cumulative", true, [{ end: at(0), value: 1200 }])])),
    );
    expect(first.observations).toEqual([]);
    expect(first.counts).toMatchObject({ points: 1, baseline: 1 });
    expect([...first.memory.values()]).toEqual([{ time: T0, value: 1200, start: T0 - 3_600_000 }]);

    // 1200 → 1500 requests in 60 s: 5 per second.
    const second = decode(
      protobufBody(resourceMetrics(UNIT, [sum("http.server.requests", "cumulative", true, [{ end: at(60), value: 1500 }])])),
      first.memory,
    );
    expect(second.observations).toEqual([
      { unitPath: "acme/ops/payments", indicatorKey: "http-server-requests", time: T0 + 60_000, value: 5 },
    ]);
    expect([...second.memory.keys()]).toEqual([...first.memory.keys()]);
  });

  it("keeps the counters of two instances of one unit apart", () => {
    const request = (seconds: number, a: number, b: number) => [
      protobufBody(resourceMetrics(UNIT, [sum("jobs.done", "cumulative", true, [{ end: at(seconds), value: a }])])),
      protobufBody(
        resourceMetrics({ ...UNIT, "service.instance.id": "pod-2" }, [
          sum("jobs.done", "cumulative", true, [{ end: at(seconds), value: b }]),
        ]),
      ),
    ];
    let memory: OtlpResult["memory"] = new Map();
    for (const body of request(0, 100, 5000)) memory = new Map([...memory, ...decode(body, memory).memory]);
    expect(memory.size).toBe(2);
    const [pod1, pod2] = request(10, 130, 5020).map((body) => decode(body, memory).observations);
    // pod-1: 30 in 10 s = 3/s; pod-2: 20 in 10 s = 2/s. Not (5020 − 130) / 10 s.
    expect(pod1?.[0]?.value).toBe(3);
    expect(pod2?.[0]?.value).toBe(2);
  });

  it("merges the attribute sets of one metric into one observation: rates add up, gauges average", () => {
    const body = protobufBody(
      resourceMetrics(UNIT, [
        sum("orders", "delta", true, [
          { start: at(0), end: at(10), value: 40, attributes: { status: "ok" } },
          { start: at(0), end: at(10), value: 10, attributes: { status: "failed" } },
        ]),
        gauge("cpu.utilisation", [
          { end: at(10), value: 0.2, attributes: { core: 0 } },
          { end: at(10), value: 0.6, attributes: { core: 1 } },
        ]),
      ]),
    );
    const result = decode(body);
    expect(result.observations).toEqual([
      { unitPath: "acme/ops/payments", indicatorKey: "orders", time: T0 + 10_000, value: 5 }, // (40 + 10) / 10 s
      { unitPath: "acme/ops/payments", indicatorKey: "cpu-utilisation", time: T0 + 10_000, value: 0.4 },
    ]);
    expect(result.counts).toMatchObject({ points: 4, observations: 2, merged: 2 });
  });

  it("reads an up-down counter as its level and a delta counter as value per second", () => {
    const body = protobufBody(
      resourceMetrics(UNIT, [
        sum("queue.items", "cumulative", false, [{ end: at(30), value: -4 }]),
        sum("bytes.sent", "delta", true, [{ start: at(28), end: at(30), value: 4096 }]),
      ]),
    );
    expect(decode(body).observations.map((o) => [o.indicatorKey, o.value])).toEqual([
      ["queue-items", -4],
      ["bytes-sent", 2048],
    ]);
  });

  it("rejects histograms, non-monotonic deltas and points without a unit, with reasons", () => {
    const body = protobufBody({
      resource: resourceMetrics(UNIT, []).resource,
      scopeMetrics: [
        {
          scope: { name: "s" },
          metrics: [histogram("latency", at(10)), sum("level", "delta", false, [{ start: at(0), end: at(10), value: 3 }])],
        },
      ],
    });
    const result = decode(body);
    expect(result.rejects.map((r) => [r.at, r.code, r.indicatorKey])).toEqual([
      ["resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[0]", "unsupported_metric", "latency"],
      ["resourceMetrics[0].scopeMetrics[0].metrics[1].dataPoints[0]", "unsupported_metric", "level"],
    ]);
    expect(result.rejects[0]?.message).toMatch(/^histogram points are not mapped/);

    const unitless = decode(protobufBody(resourceMetrics({ "service.name": "x" }, [gauge("up", [{ end: at(1), value: 1 }])])));
    expect(unitless.rejects).toEqual([
      {
        at: "resourceMetrics[0].scopeMetrics[0].metrics[0].dataPoints[0]",
        code: "missing_unit",
        message: "the resource has no vsm.unit attribute naming its unit",
        indicatorKey: "up",
      },
    ]);
    const badUnit = decode(protobufBody(resourceMetrics({ "vsm.unit": "Acme//x" }, [gauge("up", [{ end: at(1), value: 1 }])])));
    expect(badUnit.rejects[0]).toMatchObject({ code: "invalid_unit" });
    expect(countsBalance(badUnit.counts)).toBe(true);
  });

  it("decodes the same observations from the OTel JSON serializer's body", () => {
    const metrics = resourceMetrics(UNIT, [
      gauge("queue.depth", [{ end: at(5, 123_456_789), value: 2.5 }]),
      sum("bytes.sent", "delta", true, [{ start: at(0), end: at(5), value: 1000, attributes: { peer: "a", retries: 2, ok: true } }]),
      sum("jobs", "cumulative", true, [{ end: at(5), value: 9, attributes: { shards: [1, 2] } }]),
    ]);
    const fromProtobuf = decode(protobufBody(metrics));
    const fromJson = decodeOtlpJson(jsonBody(metrics), { now: NOW, memory: new Map() });
    expect(fromJson.observations).toEqual(fromProtobuf.observations);
    expect(fromJson.observations).toEqual([
      { unitPath: "acme/ops/payments", indicatorKey: "queue-depth", time: T0 + 5123, value: 2.5 },
      { unitPath: "acme/ops/payments", indicatorKey: "bytes-sent", time: T0 + 5000, value: 200 },
    ]);
    // Attributes canonicalised alike (intValue "2" from protobuf, 2 from JSON): the same series.
    expect([...fromJson.memory.keys()]).toEqual([...fromProtobuf.memory.keys()]);
  });

  it("turns a truncated or garbled body into a MalformedBodyError", () => {
    const body = protobufBody(resourceMetrics(UNIT, [gauge("queue.depth", [{ end: at(1), value: 1 }])]));
    expect(() => decode(body.subarray(0, body.length - 3))).toThrow(MalformedBodyError);
    expect(() => decode(body.subarray(0, body.length - 3))).toThrow(/^malformed OTLP protobuf body: index out of range/);
    expect(() => decode(Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f))).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("answers an empty body with nothing", () => {
    expect(decode(new Uint8Array())).toMatchObject({ observations: [], rejects: [], counts: { points: 0 } });
  });
});
