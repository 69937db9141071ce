import { describe, expect, it } from "vitest";
import { signalStreamEvents } from "@/lib/signals/signal-stream-events";
import { raiseSignal } from "@/lib/vsm/algedonic/raise-signal";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";

const FILTER = { type: "system", component: "filter" } as const;
const raised = (id: string, unitPath: string) =>
  raiseSignal(
    { id, unitPath, indicator: "latency", kind: "step", valence: "pain", band: "alert", actor: FILTER, reason: "a step up" },
    1_000,
    DEFAULT_POLICY,
  ).signal;

describe("the live stream's events for signal writes", () => {
  it("are each signal's state, each entry the write added, and one variety notice naming the units", () => {
    const a = raised("a", "acme/ops/payments");
    const b = raised("b", "acme/sales");
    const events = signalStreamEvents([
      { signal: a, added: a.timeline },
      { signal: b, added: [] },
    ]);
    expect(events.map((e) => [e.kind, e.paths])).toEqual([
      ["signal", ["acme/ops/payments"]],
      ["timeline", ["acme/ops/payments"]],
      ["signal", ["acme/sales"]],
      ["variety", ["acme/ops/payments"]],
    ]);
    expect(events[0]?.data).toMatchObject({
      id: "a",
      unit: "acme/ops/payments",
      state: "open",
      valence: "pain",
      holderLevel: 2,
      version: 0,
    });
    expect(events[0]?.data).not.toHaveProperty("deadlines");
    expect(events[1]?.data).toMatchObject({ signalId: "a", seq: 0, kind: "raised", to: "open", reason: "a step up" });
  });

  it("name no variety change when no entry was added", () => {
    const a = raised("a", "acme");
    expect(signalStreamEvents([{ signal: a, added: [] }]).map((e) => e.kind)).toEqual(["signal"]);
  });
});
