import { compress } from "snappyjs";
import { describe, expect, it } from "vitest";
import { countsBalance } from "../ingest-counts";
import { MalformedBodyError } from "../malformed-body";
import { decodeRemoteWrite } from "./decode-remote-write";
import { writeRequestBody, writeRequestBytes, type SeriesSpec } from "./remote-write-fixtures";

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const NOW = T0 + 600_000;
const unit = { vsm_unit: "acme/ops/payments", job: "payments", instance: "10.0.0.7:9100" };
const decode = (series: SeriesSpec[], memory = new Map()) => decodeRemoteWrite(writeRequestBody(series), { now: NOW, memory });

describe("decodeRemoteWrite", () => {
  it("maps a gauge sample to an observation of the unit named by vsm_unit", () => {
    const result = decode([{ labels: { __name__: "queue_depth", ...unit }, samples: [{ value: 42.5, timestamp: T0 }] }]);
    expect(result.observations).toEqual([{ unitPath: "acme/ops/payments", indicatorKey: "queue-depth", time: T0, value: 42.5 }]);
    expect(result.counts).toMatchObject({ source: "prometheus", points: 1, observations: 1 });
  });

  it("rates a counter repeated within one request in time order, and starts afresh after a reset", () => {
    const counter = { __name__: "http_requests_total", ...unit };
    const result = decode([
      { labels: counter, samples: [{ value: 160, timestamp: T0 + 15_000 }] },
      { labels: counter, samples: [{ value: 100, timestamp: T0 }] },
      { labels: counter, samples: [{ value: 10, timestamp: T0 + 30_000 }] },
      { labels: counter, samples: [{ value: 40, timestamp: T0 + 45_000 }] },
    ]);
    // 100 → 160 in 15 s = 4/s; 160 → 10 is a reset (baseline); 10 → 40 in 15 s = 2/s.
    expect(result.observations.map((o) => [o.time - T0, o.value])).toEqual([
      [15_000, 4],
      [45_000, 2],
    ]);
    expect(result.counts).toMatchObject({ points: 4, observations: 2, baseline: 2 });
    expect([...result.memory.values()]).toEqual([{ time: T0 + 45_000, value: 40 }]);
  });

  it("adds up the rates of a counter's label sets at the same time", () => {
    const memory = decode([
      { labels: { __name__: "orders_total", status: "ok", ...unit }, samples: [{ value: 1000, timestamp: T0 }] },
      { labels: { __name__: "orders_total", status: "failed", ...unit }, samples: [{ value: 50, timestamp: T0 }] },
    ]).memory;
    const result = decode(
      [
        { labels: { __name__: "orders_total", status: "ok", ...unit }, samples: [{ value: 1090, timestamp: T0 + 30_000 }] },
        { labels: { __name__: "orders_total", status: "failed", ...unit }, samples: [{ value: 80, timestamp: T0 + 30_000 }] },
      ],
      memory,
    );
    expect(result.observations).toEqual([{ unitPath: "acme/ops/payments", indicatorKey: "orders-total", time: T0 + 30_000, value: 4 }]);
    expect(result.counts.merged).toBe(1);
  });

  it("counts NaN apart from errors, and rejects infinities and impossible times", () => {
    const result = decode([
      {
        labels: { __name__: "temperature", ...unit },
        samples: [
          { value: Number.NaN, timestamp: T0 },
          { value: Number.POSITIVE_INFINITY, timestamp: T0 + 1 },
          { value: 1, timestamp: -5 },
          { value: 1, timestamp: NOW + 86_400_001 },
          { value: 21, timestamp: T0 + 2 },
        ],
      },
    ]);
    expect(result.counts).toMatchObject({ points: 5, nan: 1, rejected: 3, observations: 1 });
    expect(result.rejects.map((r) => [r.at, r.code])).toEqual([
      ["timeseries[0].samples[1]", "invalid_value"],
      ["timeseries[0].samples[2]", "invalid_time"],
      ["timeseries[0].samples[3]", "invalid_time"],
    ]);
  });

  it("leaves series without vsm_unit unassigned, with a reason, and names what it can", () => {
    const result = decode([
      { labels: { __name__: "go_goroutines", job: "x" }, samples: [{ value: 12, timestamp: T0 }] },
      { labels: { __name__: "go_goroutines", vsm_unit: "Acme Ops" }, samples: [{ value: 12, timestamp: T0 }] },
      { labels: { vsm_unit: "acme" }, samples: [{ value: 1, timestamp: T0 }] },
      { labels: { __name__: "go_goroutines", job: "x" }, samples: [{ value: Number.NaN, timestamp: T0 }] },
    ]);
    expect(result.rejects).toEqual([
      {
        at: "timeseries[0].samples[0]",
        code: "missing_unit",
        message: "the series has no vsm_unit label naming its unit",
        indicatorKey: "go-goroutines",
      },
      expect.objectContaining({ at: "timeseries[1].samples[0]", code: "invalid_unit", indicatorKey: "go-goroutines" }),
      { at: "timeseries[2].samples[0]", code: "invalid_indicator", message: "the series has no __name__ label", unitPath: "acme" },
    ]);
    // A NaN is no value even without a unit: it does not inflate the unassigned counts.
    expect(result.counts).toMatchObject({ points: 4, rejected: 3, nan: 1 });
    expect(countsBalance(result.counts)).toBe(true);
  });

  it("turns broken snappy, a lying length header and truncated protobuf into a MalformedBodyError", () => {
    const bytes = writeRequestBytes([{ labels: { __name__: "up", ...unit }, samples: [{ value: 1, timestamp: T0 }] }]);
    const options = { now: NOW, memory: new Map() };
    expect(() => decodeRemoteWrite(bytes, options)).toThrow(MalformedBodyError); // not compressed
    expect(() => decodeRemoteWrite(compress(bytes.subarray(0, bytes.length - 4)), options)).toThrow(
      /^malformed remote-write protobuf body/,
    );
    // A header announcing 4 GiB: refused (413) before anything is allocated.
    const tooLarge = (body: Uint8Array, maxBytes?: number) => {
      try {
        decodeRemoteWrite(body, maxBytes === undefined ? options : { ...options, maxBytes });
      } catch (error) {
        return error instanceof MalformedBodyError ? [error.status, error.message] : error;
      }
      return "no error";
    };
    expect(tooLarge(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 0x00))).toEqual([
      413,
      expect.stringMatching(/expands to 4294967295 bytes/),
    ]);
    expect(tooLarge(compress(bytes), bytes.length - 1)).toEqual([413, expect.stringMatching(/more than the limit/)]);
    expect(() => decodeRemoteWrite(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80), options)).toThrow(/^malformed snappy block/);
    expect(decodeRemoteWrite(compress(bytes), { ...options, maxBytes: bytes.length }).observations).toHaveLength(1);
  });
});
