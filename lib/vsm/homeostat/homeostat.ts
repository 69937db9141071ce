import { attentionShare, type AttentionRecord, type AttentionShare } from "@/lib/vsm/homeostat/attention-share";
import type { Policy } from "@/lib/vsm/policy";
import { fitLine, type LinearFit } from "@/lib/vsm/temporal/least-squares";
import { splitWindow, type TimeWindow } from "@/lib/vsm/time-window";
import { DAY, type Millis } from "@/lib/vsm/types";

export type HomeostatView = {
  /** The share and balance over the whole window. */
  overall: AttentionShare;
  /** The same per step, oldest first. */
  windows: AttentionShare[];
  /** Line through (window middle, S4 share) over the steps with any spend: slope per millisecond, R². */
  trend: LinearFit | null;
  /** The same slope in share points per day, for people. */
  slopePerDay: number | null;
};

/** The S3↔S4 split over a window, step by step, with its trend. */
export function homeostat(
  records: readonly AttentionRecord[],
  window: TimeWindow,
  step: Millis,
  settings: Policy["homeostat"],
): HomeostatView {
  const windows = splitWindow(window, step).map((w) => attentionShare(records, w, settings));
  const trend = fitLine(windows.flatMap((w) => (w.s4Share === null ? [] : [{ x: (w.window.from + w.window.to) / 2, y: w.s4Share }])));
  return { overall: attentionShare(records, window, settings), windows, trend, slopePerDay: trend ? trend.slope * DAY : null };
}
