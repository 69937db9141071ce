import { describe, expect, it } from "vitest";
import { dueDeadlines } from "@/lib/vsm/algedonic/deadlines";
import type { Notification, Signal, SignalDeadline } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { resolvePolicy } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

// Repeats every 10m, so the walk below meets reminders on every rung.
const policy = resolvePolicy([{ escalation: { repeatInterval: 10 * MINUTE } }]);

/** Fires every deadline in order until `until` (acknowledging at `acknowledgeAt`), collecting what was sent. */
function walk(start: Signal, schedule: SignalDeadline[], until: number, acknowledgeAt?: number): Notification[] {
  let signal = start;
  let pending = schedule;
  const sent: Notification[] = [];
  for (let next = dueDeadlines(pending, until)[0]; next; next = dueDeadlines(pending, until)[0]) {
    if (acknowledgeAt !== undefined && signal.ack === null && next.at > acknowledgeAt) {
      signal = accept(signal, { type: "acknowledge", actor: ALICE }, acknowledgeAt, policy).signal;
    }
    const fired = accept(signal, { type: "deadline", deadline: next }, next.at, policy);
    sent.push(...fired.notify);
    signal = fired.signal;
    pending = fired.schedule;
  }
  return sent;
}

describe("who gets paged", () => {
  it("never pages for pleasure, on any rung, route or reason — but still tells every rung", () => {
    const raised = raise({ valence: "pleasure", band: "crisis" }, T0, policy);
    const sent = [...raised.notify, ...walk(raised.signal, raised.schedule, T0 + 12 * 60 * MINUTE)];
    expect(new Set(sent.map((n) => n.reason))).toEqual(new Set(["raised", "repeat", "escalated", "overdue"]));
    expect(new Set(sent.map((n) => n.target.level))).toEqual(new Set([0, 1, 2, 3]));
    expect(sent.some((n) => n.route === "bypass")).toBe(true);
    expect(sent.filter((n) => n.page)).toEqual([]);
  });

  it("pages for pain, except reminders to a holder who has acknowledged", () => {
    const raised = raise({}, T0, policy);
    const sent = walk(raised.signal, raised.schedule, T0 + 29 * MINUTE, T0 + 15 * MINUTE);
    expect(sent.map((n) => [n.reason, n.state, n.page])).toEqual([
      ["repeat", "open", true],
      ["repeat", "acknowledged", false],
    ]);
    expect(raised.notify[0]).toMatchObject({ page: true, groupKey: "acme/ops/payments/checkout#step", valence: "pain", signalId: "s1" });
  });
});
