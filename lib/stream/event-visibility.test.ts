import { describe, expect, it } from "vitest";
import type { StreamEvent } from "@/lib/store/stream-events";
import { narrowEvent, seesPath } from "@/lib/stream/event-visibility";

const event = (kind: StreamEvent["kind"], paths: string[], data: unknown): StreamEvent => ({ id: 1, at: 0, kind, paths, data });

describe("what a stream client may see", () => {
  it("is a path inside both its read scopes and the subtrees it asked for", () => {
    const view = { readScopes: ["acme/ops"], units: [], kinds: [] };
    expect(seesPath(view, "acme/ops/payments")).toBe(true);
    expect(seesPath(view, "acme/opsx")).toBe(false);
    expect(seesPath(view, "acme")).toBe(false);
    expect(seesPath({ ...view, units: ["acme/ops/ledger"] }, "acme/ops/payments")).toBe(false);
    expect(seesPath({ readScopes: [""], units: ["acme/sales"], kinds: [] }, "acme/sales/eu")).toBe(true);
    expect(seesPath({ readScopes: [], units: [], kinds: [] }, "acme")).toBe(false);
  });

  it("keeps an event whole, narrows a batch of several units to the visible ones, or drops it", () => {
    const view = { readScopes: ["acme/ops"], units: [], kinds: [] };
    const signal = event("signal", ["acme/ops/payments"], { id: "s1" });
    expect(narrowEvent(signal, view)).toBe(signal);
    expect(narrowEvent(event("signal", ["acme/sales"], {}), view)).toBeNull();
    const batch = event("observations", ["acme/ops/payments", "acme/sales"], {
      units: { "acme/ops/payments": { points: 2 }, "acme/sales": { points: 5 } },
    });
    expect(narrowEvent(batch, view)).toEqual({
      ...batch,
      paths: ["acme/ops/payments"],
      data: { units: { "acme/ops/payments": { points: 2 } } },
    });
    const variety = event("variety", ["acme/ops/payments", "acme/sales"], { units: ["acme/ops/payments", "acme/sales"] });
    expect(narrowEvent(variety, view)?.data).toEqual({ units: ["acme/ops/payments"] });
  });

  it("drops kinds the client did not ask for", () => {
    const view = { readScopes: [""], units: [], kinds: ["signal" as const] };
    expect(narrowEvent(event("timeline", ["acme"], {}), view)).toBeNull();
    expect(narrowEvent(event("signal", ["acme"], {}), view)).not.toBeNull();
  });
});
