import { describe, expect, it } from "vitest";
import { clip, metricNameToKey } from "./indicator-key";

describe("metricNameToKey", () => {
  it("maps Prometheus and OTLP names to slugs one way", () => {
    expect(metricNameToKey("http_requests_total")).toEqual({ ok: true, key: "http-requests-total" });
    expect(metricNameToKey("http.server.request.duration")).toEqual({ ok: true, key: "http-server-request-duration" });
    expect(metricNameToKey("Queue.Depth")).toEqual({ ok: true, key: "queue-depth" });
    expect(metricNameToKey("__weird__::name__")).toEqual({ ok: true, key: "weird-name" });
    expect(metricNameToKey("fine-copper")).toEqual({ ok: true, key: "fine-copper" });
  });

  it("refuses names with nothing to keep, or too long a key", () => {
    expect(metricNameToKey("___")).toMatchObject({ ok: false });
    expect(metricNameToKey("")).toMatchObject({ ok: false });
    expect(metricNameToKey("a".repeat(64))).toEqual({ ok: true, key: "a".repeat(64) });
    expect(metricNameToKey("a".repeat(65))).toMatchObject({ ok: false, reason: expect.stringContaining("longer than 64") });
  });

  it("clips long names in messages", () => {
    expect(clip("x".repeat(100))).toBe(`${"x".repeat(80)}…`);
    expect(clip("short")).toBe("short");
  });
});
