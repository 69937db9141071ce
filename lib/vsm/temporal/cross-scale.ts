import { compareSlopes, type SlopeAgreement } from "@/lib/vsm/temporal/slope-agreement";
import { checkConfidence, DEFAULT_CONFIDENCE } from "@/lib/vsm/temporal/slope-significance";
import { bucketStart, RESOLUTION_MS, type Resolution } from "@/lib/vsm/temporal/resolution";
import type { TemporalSeries } from "@/lib/vsm/temporal/series";
import { windowStats, type WindowStats } from "@/lib/vsm/temporal/window-stats";
import { DAY, HOUR, type Millis } from "@/lib/vsm/types";

/** How far back each resolution looks: the last hour by minute, day by hour, 30 days by day. */
export const DEFAULT_SPANS: Readonly<Record<Resolution, Millis>> = { minute: HOUR, hour: DAY, day: 30 * DAY };

/** Default relative tolerance for two significantly different slopes to still count as agreeing. */
export const DEFAULT_SLOPE_TOLERANCE = 0.5;

export type ScalePair = { fast: Resolution; slow: Resolution; agreement: SlopeAgreement | null };

export type CrossScaleView = { stats: Record<Resolution, WindowStats>; pairs: ScalePair[] };

/** Window of a resolution ending with the bucket that holds `now` (a partial bucket still counts). */
function windowAt(now: Millis, resolution: Resolution, span: Millis) {
  const to = bucketStart(now, resolution) + RESOLUTION_MS[resolution];
  return { from: to - span, to };
}

/**
 * Per-resolution statistics and whether adjacent resolutions' slopes agree (see slope-agreement.ts):
 * `level` is the confidence level of the significance tests, DEFAULT_CONFIDENCE (95 %) by default.
 * The tests take the two slopes as independent. For independent noise that is exact when the fast
 * window is one slow bucket (a slope within a bucket is a contrast its mean does not see) and close
 * otherwise: with `now` mid-hour, noise disagreed in 5.2 % of 4,000 seeded series at 95 %.
 */
export function crossScaleView(
  series: TemporalSeries,
  now: Millis,
  options: { spans?: Readonly<Record<Resolution, Millis>>; tolerance?: number; level?: number } = {},
): CrossScaleView {
  const spans = options.spans ?? DEFAULT_SPANS;
  const comparison = {
    tolerance: options.tolerance ?? DEFAULT_SLOPE_TOLERANCE,
    level: checkConfidence(options.level ?? DEFAULT_CONFIDENCE),
  };
  const stats: Record<Resolution, WindowStats> = {
    minute: windowStats(series.minute, windowAt(now, "minute", spans.minute)),
    hour: windowStats(series.hour, windowAt(now, "hour", spans.hour)),
    day: windowStats(series.day, windowAt(now, "day", spans.day)),
  };
  const pair = (fast: Resolution, slow: Resolution): ScalePair => {
    const f = stats[fast].trend;
    const s = stats[slow].trend;
    return { fast, slow, agreement: f && s ? compareSlopes(f, s, comparison) : null };
  };
  return { stats, pairs: [pair("minute", "hour"), pair("hour", "day")] };
}
