import { describe, expect, it } from "vitest";
import { signalCursorOf, signalPositionOf, systemCursorOf, systemPathOf } from "@/lib/graphql/cursor";

describe("page cursors", () => {
  it("give back the position they were made from", () => {
    const position = { raisedAt: Date.UTC(2026, 11, 1, 9, 30), id: "sig_0f9e" };
    expect(signalPositionOf(signalCursorOf(position))).toEqual(position);
    expect(systemPathOf(systemCursorOf("acme/ops/payments"))).toBe("acme/ops/payments");
  });

  it("refuse anything else as the reader's mistake, including another list's cursor", () => {
    const refusals = [
      "",
      "not base64 at all!",
      Buffer.from("{").toString("base64url"),
      systemCursorOf("acme"),
      signalCursorOf({ raisedAt: 1.5, id: "x" }),
    ];
    for (const cursor of refusals) {
      expect(() => signalPositionOf(cursor)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
    }
    expect(() => systemPathOf(signalCursorOf({ raisedAt: 1, id: "x" }))).toThrow(/not a cursor this list gave/);
  });
});
