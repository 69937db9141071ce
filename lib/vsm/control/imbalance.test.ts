import { describe, expect, it } from "vitest";
import { detectImbalance } from "@/lib/vsm/control/imbalance";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";

const control = DEFAULT_POLICY.control; // over 1.3, under 0.7

describe("detectImbalance", () => {
  it("is balanced exactly on 1.3× and 0.7× the mean, and over or under beyond", () => {
    const edge = detectImbalance(
      [
        { unit: "a", value: 13 },
        { unit: "b", value: 7 },
        { unit: "c", value: 10 },
      ],
      control,
    );
    expect(edge.mean).toBe(10);
    expect(edge.units.map((u) => [u.ratio, u.state])).toEqual([
      [1.3, "balanced"],
      [0.7, "balanced"],
      [1, "balanced"],
    ]);
    const beyond = detectImbalance(
      [
        { unit: "a", value: 13.1 },
        { unit: "b", value: 6.9 },
        { unit: "c", value: 10 },
      ],
      control,
    );
    expect(beyond.units.map((u) => u.state)).toEqual(["over", "under", "balanced"]);
  });

  it("follows the policy's thresholds", () => {
    const loose = resolvePolicy([{ control: { over: 1.5, under: 0.5 } }]).control;
    const loads = [
      { unit: "a", value: 14 },
      { unit: "b", value: 6 },
    ];
    expect(detectImbalance(loads, control).units.map((u) => u.state)).toEqual(["over", "under"]);
    expect(detectImbalance(loads, loose).units.map((u) => u.state)).toEqual(["balanced", "balanced"]);
  });

  it("has no ratio when every unit is idle and no mean without units", () => {
    expect(detectImbalance([{ unit: "a", value: 0 }], control)).toEqual({
      mean: 0,
      units: [{ unit: "a", value: 0, ratio: null, state: "balanced" }],
    });
    expect(detectImbalance([], control)).toEqual({ mean: null, units: [] });
    expect(() => detectImbalance([{ unit: "a", value: -1 }], control)).toThrow(RangeError);
  });
});
