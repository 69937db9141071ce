import { pearson } from "@/lib/vsm/coordination/correlation";
import { recommendDamping, type Damping } from "@/lib/vsm/coordination/damping";
import { detrend } from "@/lib/vsm/coordination/detrend";
import { pointsIn } from "@/lib/vsm/coordination/detect-oscillation";
import { analyseOscillation, resolveOptions, type OscillationOptions } from "@/lib/vsm/coordination/oscillation";
import { turningPoints } from "@/lib/vsm/coordination/turning-points";
import type { Point } from "@/lib/vsm/temporal/bucket";
import type { TimeWindow } from "@/lib/vsm/time-window";
import type { Millis } from "@/lib/vsm/types";

/**
 * Siblings that share a resource and take turns with it (one up while the other is down) swing in
 * anti-phase: their detrended indicators correlate negatively and their difference oscillates.
 * Samples are paired by equal timestamps, so pass series sampled on the same grid (e.g. the means
 * of their minute roll-ups).
 */
export type SiblingSeries = { unit: string; resource: string; points: readonly Point[] };

export type AntiPhase = {
  resource: string;
  units: [string, string];
  /** Pearson correlation of the two detrended series: −1 is perfect anti-phase. */
  correlation: number;
  samples: number;
  /** Half the swing of the difference between the two: each unit's swing when they mirror each other. */
  amplitude: number;
  period: Millis;
  damping: Damping;
};

export type AntiPhaseOptions = OscillationOptions & {
  /** Correlation at or below which two siblings count as anti-phase. */
  maxCorrelation: number;
};

/** The samples of `a` and `b` taken at the same instants, in `a`'s order. */
export function aligned(a: readonly Point[], b: readonly Point[]): [Point[], Point[]] {
  const byTime = new Map(b.map((p) => [p.at, p.value]));
  const left: Point[] = [];
  const right: Point[] = [];
  for (const p of a) {
    const value = byTime.get(p.at);
    if (value === undefined) continue;
    left.push(p);
    right.push({ at: p.at, value });
  }
  return [left, right];
}

function pairOf(a: SiblingSeries, b: SiblingSeries, window: TimeWindow, o: AntiPhaseOptions): AntiPhase | null {
  const [left, right] = aligned(pointsIn(a.points, window), pointsIn(b.points, window));
  // Each unit must itself go up and down: a monotonic indicator never flags (docs/design.md §3.6).
  const reverses = (ps: readonly Point[]) =>
    turningPoints(
      ps.map((p) => p.value),
      o.hysteresis,
    ).length >= o.minSwings;
  if (!reverses(left) || !reverses(right)) return null;
  const correlation = pearson(detrend(left), detrend(right));
  if (correlation === null || correlation > o.maxCorrelation) return null;
  const difference = analyseOscillation(
    left.map((p, i) => ({ at: p.at, value: p.value - right[i]!.value })),
    o,
  );
  if (!difference.oscillating) return null;
  const amplitude = difference.amplitude! / 2;
  return {
    resource: a.resource,
    units: [a.unit, b.unit],
    correlation,
    samples: left.length,
    amplitude,
    period: difference.period!,
    damping: recommendDamping(amplitude, difference.periodSamples!, o.targetGain),
  };
}

/** Every pair of siblings sharing a resource that swings in anti-phase within the window. */
export function detectAntiPhase(
  siblings: readonly SiblingSeries[],
  window: TimeWindow,
  options: Partial<AntiPhaseOptions> = {},
): AntiPhase[] {
  const o: AntiPhaseOptions = { ...resolveOptions(options), maxCorrelation: options.maxCorrelation ?? -0.5 };
  const found: AntiPhase[] = [];
  for (let i = 0; i < siblings.length; i++) {
    for (let j = i + 1; j < siblings.length; j++) {
      const a = siblings[i]!;
      const b = siblings[j]!;
      if (a.resource !== b.resource) continue;
      const pair = pairOf(a, b, window, o);
      if (pair) found.push(pair);
    }
  }
  return found;
}
