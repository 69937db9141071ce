import { homeostat, type HomeostatView } from "@/lib/vsm/homeostat/homeostat";
import type { HomeostatBalance } from "@/lib/vsm/homeostat/attention-share";
import type { Policy } from "@/lib/vsm/policy";
import type { TimeWindow } from "@/lib/vsm/time-window";
import { attentionOf } from "@/lib/view/signal-actions";
import type { WindowSignal } from "@/lib/view/variety-input";

/** The window is cut into this many steps for the homeostat's trend. */
export const HOMEOSTAT_STEPS = 6;

/**
 * The S3↔S4 homeostat of one system from its operators' actions on the signals of its subtree
 * (docs/variety.md), step by step over the window; null where no attention was recorded, since a
 * share of nothing is no measurement.
 */
export function attentionHomeostat(
  subtree: readonly WindowSignal[],
  window: TimeWindow,
  settings: Policy["homeostat"],
): HomeostatView | null {
  const records = subtree.flatMap(({ signal, scope }) => attentionOf(signal, scope));
  const view = homeostat(records, window, (window.to - window.from) / HOMEOSTAT_STEPS, settings);
  return view.overall.s4Share === null ? null : view;
}

const BALANCE_WORDS: Record<HomeostatBalance, { label: string; detail: string }> = {
  balanced: { label: "Balanced", detail: "S4's share of attention is within its target band" },
  "S3-dominant": { label: "S3-dominant", detail: "absorbed in the inside and now" },
  "S4-dominant": { label: "S4-dominant", detail: "the outside and then crowds out the present" },
};

export function homeostatWords(state: HomeostatBalance): { label: string; detail: string } {
  return BALANCE_WORDS[state];
}

/** A share as a whole percentage; a step with no attention has none, shown as a dash. */
export function formatShare(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

/**
 * The trend line through the steps' shares, as percentage points of S4's share per step: a slope
 * per day would read oddly for an hour's window, and a change across the whole window would
 * extrapolate past the steps that had attention. A dash without a trend (fewer than two steps with
 * attention).
 */
export function trendWords(view: HomeostatView): string {
  const first = view.windows[0];
  if (view.trend === null || first === undefined) return "–";
  const points = Math.round(view.trend.slope * (first.window.to - first.window.from) * 100);
  return points === 0 ? "flat" : `${points > 0 ? "+" : "−"}${Math.abs(points)} points per step`;
}
