import { describe, expect, it } from "vitest";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { accept, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { resolvePolicy } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

describe("crisis bypass", () => {
  it("reaches the root's S5 at once and still climbs the ladder", () => {
    const raised = raise({ band: "crisis" });
    expect(raised.signal).toMatchObject({ bypassedAt: T0, holderLevel: 3 });
    expect(raised.notify).toEqual([
      expect.objectContaining({ route: "ladder", target: { level: 3, unitPath: "acme/ops/payments/checkout" }, page: true, at: T0 }),
      expect.objectContaining({ route: "bypass", target: { level: 0, unitPath: "acme" }, page: true, at: T0, band: "crisis" }),
    ]);

    let signal: Signal = raised.signal;
    let deadline = raised.schedule.find((d) => d.kind === "escalate")!;
    const levels: number[] = [];
    while (deadline.level > 0) {
      const fired = accept(signal, { type: "deadline", deadline }, deadline.at);
      levels.push(fired.signal.holderLevel);
      const routes = fired.notify.map((n) => `${n.route}:${n.target.level}`);
      // The root keeps hearing of it alongside each rung, until it holds the signal itself.
      expect(routes).toEqual(fired.signal.holderLevel > 0 ? [`ladder:${fired.signal.holderLevel}`, "bypass:0"] : ["ladder:0"]);
      signal = fired.signal;
      deadline = fired.schedule.find((d) => d.kind === "escalate")!;
    }
    expect(levels).toEqual([2, 1, 0]);
  });

  it("reminds the root too while the bypass is in force", () => {
    const policy = resolvePolicy([{ escalation: { repeatInterval: 10 * MINUTE } }]);
    const { signal, schedule } = raise({ band: "crisis" }, T0, policy);
    const repeat = schedule.find((d) => d.kind === "repeat")!;
    expect(repeat.at).toBe(T0 + 10 * MINUTE);
    const reminded = accept(signal, { type: "deadline", deadline: repeat }, repeat.at, policy);
    expect(reminded.notify.map((n) => [n.route, n.reason, n.target.level, n.page])).toEqual([
      ["ladder", "repeat", 3, true],
      ["bypass", "repeat", 0, true],
    ]);
    expect(reminded.schedule).toContainEqual({ ...repeat, at: T0 + 20 * MINUTE });
  });

  it("sends a crisis at the root only once, on the ladder", () => {
    const { notify } = raise({ band: "crisis", unitPath: "acme" });
    expect(notify).toEqual([expect.objectContaining({ route: "ladder", target: { level: 0, unitPath: "acme" } })]);
  });

  it("follows policy.escalation.crisisBypass", () => {
    const policy = resolvePolicy([{ escalation: { crisisBypass: false } }]);
    const { signal, notify } = raise({ band: "crisis" }, T0, policy);
    expect(signal.bypassedAt).toBeNull();
    expect(notify.map((n) => n.route)).toEqual(["ladder"]);
  });
});
