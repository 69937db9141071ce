import { describe, expect, it } from "vitest";
import { assessVariety } from "@/lib/vsm/variety/assess-variety";
import { disturbanceClass, disturbanceCounts, type Disturbance } from "@/lib/vsm/variety/disturbance";
import { responseCounts, type RegulatoryResponse } from "@/lib/vsm/variety/response";

const window = { from: 1_000, to: 2_000 };

// Four classes (kind × unit), each twice: H(D) = 2 bits. The events outside the window do not count.
const disturbances: Disturbance[] = [
  ...["pain:step", "pain:slope"].flatMap((kind) =>
    ["acme/ops/a", "acme/ops/b"].flatMap((unit) => [
      { at: 1_000, unit, kind },
      { at: 1_999, unit, kind },
    ]),
  ),
  { at: 999, unit: "acme/ops/c", kind: "pain:step" },
  { at: 2_000, unit: "acme/ops/c", kind: "pain:step" },
];

// Responses {1/2, 1/4, 1/4}: H(R) = 1.5 bits. A bare ack applies nothing and adds no variety.
const responses: RegulatoryResponse[] = [
  { at: 1_100, kind: "remedy", action: "restart" },
  { at: 1_200, kind: "remedy", action: "restart" },
  { at: 1_300, kind: "runbook", action: "rb-failover" },
  { at: 1_400, kind: "owner", action: "team-payments" },
  { at: 1_500, kind: "ack", action: null },
  { at: 2_500, kind: "ack", action: "scale-out" },
];

describe("assessVariety", () => {
  it("gives H(D), H(R) and the deficit over the window", () => {
    const a = assessVariety({ disturbances, responses, window, tolerance: 0.5 });
    expect(a.disturbances).toEqual({ bits: 2, stateBits: 2, events: 8, classes: 4 });
    expect(a.responses).toEqual({ bits: 1.5, stateBits: Math.log2(3), events: 4, classes: 3 });
    expect(a.deficit).toBe(0.5);
    expect(a.state).toBe("balanced");
    expect(a.window).toBe(window);
    expect(assessVariety({ disturbances, responses, window, tolerance: 0.25 }).state).toBe("under-regulated");
  });

  it("counts a system with no responses as under-regulated and with no disturbances as over-regulated", () => {
    expect(assessVariety({ disturbances, responses: [], window, tolerance: 0.5 })).toMatchObject({ deficit: 2, state: "under-regulated" });
    expect(assessVariety({ disturbances: [], responses, window, tolerance: 0.5 })).toMatchObject({
      deficit: -1.5,
      state: "over-regulated",
    });
    expect(assessVariety({ disturbances: [], responses: [], window, tolerance: 0 })).toMatchObject({ deficit: 0, state: "balanced" });
  });

  it("keeps classes apart even when names contain separators", () => {
    expect(disturbanceClass({ at: 0, unit: "c", kind: "a:b" })).not.toBe(disturbanceClass({ at: 0, unit: "b:c", kind: "a" }));
    const counts = disturbanceCounts(
      [
        { at: 1_000, unit: "c", kind: "a:b" },
        { at: 1_000, unit: "b:c", kind: "a" },
      ],
      window,
    );
    expect(Object.values(counts)).toEqual([1, 1]);
  });

  it("rejects an empty window", () => {
    expect(() => disturbanceCounts(disturbances, { from: 5, to: 5 })).toThrow(RangeError);
    expect(() => responseCounts(responses, { from: 5, to: 1 })).toThrow(RangeError);
  });
});
