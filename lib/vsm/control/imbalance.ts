import type { Policy } from "@/lib/vsm/policy";

/** A unit's load (or allocation, utilisation) on a resource S3 manages. */
export type UnitLoad = { unit: string; value: number };

export type ImbalanceState = "over" | "balanced" | "under";

export type UnitImbalance = UnitLoad & {
  /** value / mean; null when the mean is 0 (every unit idle). */
  ratio: number | null;
  state: ImbalanceState;
};

export type Imbalance = { mean: number | null; units: UnitImbalance[] };

/** Over when a unit carries more than policy.control.over × the mean, under below under × the mean. */
export function detectImbalance(loads: readonly UnitLoad[], control: Policy["control"]): Imbalance {
  for (const l of loads) {
    if (!(Number.isFinite(l.value) && l.value >= 0)) throw new RangeError(`${l.unit}: a load must be finite and ≥ 0, got ${l.value}`);
  }
  if (loads.length === 0) return { mean: null, units: [] };
  const mean = loads.reduce((s, l) => s + l.value, 0) / loads.length;
  const units = loads.map((l): UnitImbalance => {
    if (mean === 0) return { ...l, ratio: null, state: "balanced" };
    const state = l.value > control.over * mean ? "over" : l.value < control.under * mean ? "under" : "balanced";
    return { ...l, ratio: l.value / mean, state };
  });
  return { mean, units };
}
