import { recommendDamping, type Damping } from "@/lib/vsm/coordination/damping";
import { analyseOscillation, resolveOptions, type OscillationAnalysis, type OscillationOptions } from "@/lib/vsm/coordination/oscillation";
import type { Point } from "@/lib/vsm/temporal/bucket";
import { checkWindow, inWindow, type TimeWindow } from "@/lib/vsm/time-window";

/** S2's finding for one unit's indicator over a window (docs/design.md §3.6). */
export type Oscillation = OscillationAnalysis & {
  unit: string;
  window: TimeWindow;
  /** How to damp it, when it oscillates. */
  damping: Damping | null;
};

/** Points of the window, sorted by time. */
export function pointsIn(points: readonly Point[], window: TimeWindow): Point[] {
  checkWindow(window);
  return points.filter((p) => inWindow(p.at, window)).sort((a, b) => a.at - b.at);
}

export function detectOscillation(
  unit: string,
  points: readonly Point[],
  window: TimeWindow,
  options: Partial<OscillationOptions> = {},
): Oscillation {
  const o = resolveOptions(options);
  const analysis = analyseOscillation(pointsIn(points, window), o);
  const damping = analysis.oscillating ? recommendDamping(analysis.amplitude!, analysis.periodSamples!, o.targetGain) : null;
  return { ...analysis, unit, window, damping };
}
