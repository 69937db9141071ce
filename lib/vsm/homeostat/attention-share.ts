import type { Policy } from "@/lib/vsm/policy";
import { checkWindow, inWindow, type TimeWindow } from "@/lib/vsm/time-window";
import type { Millis } from "@/lib/vsm/types";

/**
 * The S3↔S4 homeostat (docs/design.md §3.6, S5): how a system's attention or resources divide between
 * S3, "inside and now" (running today's operations), and S4, "outside and then" (the environment
 * and the future). A record is one tagged spend: hours in a review, budget, actions taken.
 */
export type AttentionRecord = { at: Millis; tag: "S3" | "S4"; weight: number };

/** S3-dominant: the system is absorbed in the present; S4-dominant: it neglects the present. */
export type HomeostatBalance = "balanced" | "S3-dominant" | "S4-dominant";

export type AttentionShare = {
  window: TimeWindow;
  s3: number;
  s4: number;
  /** s4 / (s3 + s4); null when nothing was spent. */
  s4Share: number | null;
  state: HomeostatBalance | null;
};

/** Differences this small are rounding, not attention; keeps the band edges exact. */
const ROUNDING = 1e-9;

/** Balanced when the S4 share is within policy.homeostat.tolerance of its target. */
export function homeostatBalance(s4Share: number, settings: Policy["homeostat"]): HomeostatBalance {
  const offset = s4Share - settings.target;
  if (offset > settings.tolerance + ROUNDING) return "S4-dominant";
  if (offset < -settings.tolerance - ROUNDING) return "S3-dominant";
  return "balanced";
}

export function attentionShare(records: readonly AttentionRecord[], window: TimeWindow, settings: Policy["homeostat"]): AttentionShare {
  checkWindow(window);
  let s3 = 0;
  let s4 = 0;
  for (const r of records) {
    if (!(Number.isFinite(r.weight) && r.weight >= 0)) throw new RangeError(`an attention weight must be finite and ≥ 0, got ${r.weight}`);
    if (!inWindow(r.at, window)) continue;
    if (r.tag === "S3") s3 += r.weight;
    else s4 += r.weight;
  }
  const total = s3 + s4;
  const s4Share = total === 0 ? null : s4 / total;
  return { window, s3, s4, s4Share, state: s4Share === null ? null : homeostatBalance(s4Share, settings) };
}
