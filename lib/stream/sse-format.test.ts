import { describe, expect, it } from "vitest";
import { sseComment, sseEvent, sseNotice, sseRetry } from "@/lib/stream/sse-format";
import { lastSeenId } from "@/lib/stream/stream-route";

describe("Server-Sent Events framing", () => {
  it("writes an event as id, event and one data line, ended by a blank line", () => {
    const text = sseEvent({ id: 42, at: 1_000, kind: "signal", paths: ["acme"], data: { reason: "line one\nline two" } });
    expect(text).toBe('id: 42\nevent: signal\ndata: {"id":42,"at":1000,"kind":"signal","data":{"reason":"line one\\nline two"}}\n\n');
  });

  it("writes comments on one line, retry in whole milliseconds, and notices without an id", () => {
    expect(sseComment("heart\nbeat")).toBe(": heart beat\n\n");
    expect(sseRetry(1999.6)).toBe("retry: 2000\n\n");
    expect(sseNotice("unavailable", { message: "m" })).toBe('event: unavailable\ndata: {"message":"m"}\n\n');
  });
});

describe("the last event a client saw", () => {
  it("comes from the header before the query, and is none when neither says", () => {
    expect(lastSeenId("17", "3")).toBe(17);
    expect(lastSeenId(null, "3")).toBe(3);
    expect(lastSeenId(null, undefined)).toBeNull();
    expect(lastSeenId("", undefined)).toBeNull();
  });

  it("is refused, naming where it came from, when it is not a whole number", () => {
    expect(() => lastSeenId("-1", undefined)).toThrow(/Last-Event-ID/);
    expect(() => lastSeenId(null, "1e3")).toThrow(
      expect.objectContaining({ details: [{ in: "query", path: "lastEventId", message: "not a whole number" }] }),
    );
  });
});
