import { describe, expect, it } from "vitest";
import { judgedAt, windowVisibility } from "@/lib/view/window-visibility";
import type { Silence } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { HOUR } from "@/lib/vsm/types";

const window = { from: T0, to: T0 + 10 * HOUR };
const UNIT = "acme/ops/payments/checkout";

// A running orders signal at the containing system inhibits orders signals below it (the default rule).
const parent = raise({ id: "parent", unitPath: "acme/ops/payments" }, T0 + HOUR).signal;
const parentClosed = accept(parent, { type: "resolve", actor: ALICE, reason: "done" }, T0 + 3 * HOUR).signal;

const silence: Silence = {
  id: "sil",
  matcher: { unitPath: UNIT, scope: "exact" },
  startsAt: T0 + 5 * HOUR,
  endsAt: T0 + 20 * HOUR,
  reason: "planned work",
  createdBy: "user:alice",
  createdAt: T0,
};

describe("visibility judged within the window", () => {
  const running = raise({ id: "running" }, T0 + 2 * HOUR).signal;
  const early = accept(
    raise({ id: "early" }, T0 + 2 * HOUR).signal,
    { type: "resolve", actor: ALICE, reason: "x" },
    T0 + 2.5 * HOUR,
  ).signal;

  it("judges a running signal at the end of the window and a closed one when it closed", () => {
    expect(judgedAt(running, window)).toBe(window.to);
    expect(judgedAt(early, window)).toBe(T0 + 2.5 * HOUR);
  });

  it("hides by a silence active at that moment, and not by one that started after the signal closed", () => {
    const verdicts = windowVisibility([running, early], [running, early], [silence], window);
    expect(verdicts.get("running")).toEqual({ inhibited: false, silenced: true });
    expect(verdicts.get("early")).toEqual({ inhibited: false, silenced: false });
  });

  it("inhibits by a signal above that was running at that moment, in the state its timeline gives then", () => {
    // The parent ran from 1 h to 3 h: it inhibited the signal that closed at 2.5 h, not the one still running at the end.
    const verdicts = windowVisibility([running, early], [parentClosed, running, early], [], window);
    expect(verdicts.get("early")).toEqual({ inhibited: true, silenced: false });
    expect(verdicts.get("running")).toEqual({ inhibited: false, silenced: false });
    // A parent raised after the target closed never inhibited it.
    const late = raise({ id: "late", unitPath: "acme/ops/payments" }, T0 + 4 * HOUR).signal;
    expect(windowVisibility([early], [late, early], [], window).get("early")).toEqual({ inhibited: false, silenced: false });
    expect(windowVisibility([running], [late, running], [], window).get("running")).toEqual({ inhibited: true, silenced: false });
  });
});
