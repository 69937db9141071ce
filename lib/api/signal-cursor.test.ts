import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/api/signal-cursor";

describe("signal cursors", () => {
  it("carry a position there and back, as an opaque URL-safe token", () => {
    const position = { raisedAt: 1_764_579_600_123, id: "sig_0b6f/+=é" };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it("refuse what this API did not make", () => {
    const of = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const text of [
      "",
      "not a cursor!",
      "x".repeat(500),
      Buffer.from("not json").toString("base64url"),
      of({ raisedAt: 1, id: "a" }),
      of([1]),
      of([1.5, "a"]),
      of([-1, "a"]),
      of(["1", "a"]),
      of([1, ""]),
      of([1, 2]),
    ]) {
      expect(decodeCursor(text), text).toBeNull();
    }
  });
});
