import { describe, expect, it } from "vitest";
import { accept, ALICE, FILTER, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { signalAsOf, stateAt } from "@/lib/vsm/algedonic/state-at";
import { MINUTE } from "@/lib/vsm/types";

describe("a signal's state at an instant", () => {
  // Provisional at T0, confirmed at +1 min, acknowledged at +5 min, resolved at +20 min.
  const provisional = raise({ provisional: true }).signal;
  const open = accept(provisional, { type: "confirm", actor: FILTER }, T0 + MINUTE).signal;
  const acked = accept(open, { type: "acknowledge", actor: ALICE }, T0 + 5 * MINUTE).signal;
  const closed = accept(acked, { type: "resolve", actor: ALICE, reason: "restarted" }, T0 + 20 * MINUTE).signal;

  it("is the state the last timeline entry by then led to, each entry counting from its own instant", () => {
    expect(stateAt(closed, T0 - 1)).toBeNull();
    expect(stateAt(closed, T0)).toBe("provisional");
    expect(stateAt(closed, T0 + MINUTE - 1)).toBe("provisional");
    expect(stateAt(closed, T0 + MINUTE)).toBe("open");
    expect(stateAt(closed, T0 + 10 * MINUTE)).toBe("acknowledged");
    expect(stateAt(closed, T0 + 20 * MINUTE)).toBe("resolved");
  });

  it("gives the signal as it stood then, or nothing before it was raised", () => {
    expect(signalAsOf(closed, T0 + 10 * MINUTE)).toEqual({ ...closed, state: "acknowledged" });
    expect(signalAsOf(closed, T0 - 1)).toBeNull();
  });
});
