import { aligned, detectAntiPhase, type AntiPhase, type SiblingSeries } from "@/lib/vsm/coordination/anti-phase";
import { detectOscillation, pointsIn, type Oscillation } from "@/lib/vsm/coordination/detect-oscillation";
import { analyseOscillation, DEFAULT_OSCILLATION_OPTIONS, type OscillationOptions } from "@/lib/vsm/coordination/oscillation";
import type { Point } from "@/lib/vsm/temporal/bucket";
import type { TimeWindow } from "@/lib/vsm/time-window";

/**
 * S2's view of stored series (docs/domain.md, "Diagnosis from the data"): the coordination
 * detectors with options taken from each series itself, since the model says nothing of an
 * indicator's noise or scale.
 *
 * - Hysteresis: multiples of the series' typical move (below), tried in turn. One multiple does not
 *   fit all: a slow cycle under noise needs a retrace well above the noise, or the noise's own
 *   wiggles at its crests count as turns; a fast cycle moves by most of its swing each sample.
 *   The reading whose detrended series anti-correlates best with itself half a period on is kept:
 *   its turns match the cycle best (for a pair, the cycle of the two units' difference).
 * - The half-period anti-correlation must reach 0.7 (and 4/√n on short series): a regular cycle
 *   under noise a fifth of its amplitude stays near 0.9, while seeded white noise, random walks
 *   and AR(1) series, over thousands of tries of each, never got there (sibling-oscillation.test.ts).
 * - Amplitude at least 5% of the series' level (mean absolute value), so a ripple too small to
 *   matter is not S2's business; at least 30 points (half an hour of points a minute apart).
 */
const HYSTERESIS_MULTIPLES = [1, 2, 4, 8] as const;
const MIN_ANTI_CORRELATION = 0.7;
const MIN_RELATIVE_AMPLITUDE = 0.05;
const MIN_POINTS = 30;
/** Correlation of the two detrended siblings at or below which they count as anti-phase. */
const MAX_PAIR_CORRELATION = -0.5;

/**
 * A series' typical move: the median of its non-zero absolute successive differences — the noise
 * of a noisy series, the quantum of a counted one (whose many repeated values would make a plain
 * median 0). 0 when the series never moves.
 */
export function typicalMove(values: readonly number[]): number {
  const moves: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const move = Math.abs(values[i]! - values[i - 1]!);
    if (move > 0) moves.push(move);
  }
  if (moves.length === 0) return 0;
  moves.sort((a, b) => a - b);
  const middle = moves.length >> 1;
  return moves.length % 2 === 1 ? moves[middle]! : (moves[middle - 1]! + moves[middle]!) / 2;
}

/** Mean absolute value: the level an amplitude is judged against. */
function levelOf(points: readonly Point[]): number {
  return points.reduce((sum, p) => sum + Math.abs(p.value), 0) / points.length;
}

/** The option sets to try, one per hysteresis multiple; none when the series never moves. */
function candidates(move: number, points: number, level: number): OscillationOptions[] {
  if (move === 0) return [];
  const base = {
    ...DEFAULT_OSCILLATION_OPTIONS,
    minPoints: MIN_POINTS,
    minAntiCorrelation: Math.max(MIN_ANTI_CORRELATION, 4 / Math.sqrt(points)),
    minAmplitude: MIN_RELATIVE_AMPLITUDE * level,
  };
  return HYSTERESIS_MULTIPLES.map((k) => ({ ...base, hysteresis: k * move }));
}

/** The unit's oscillation within the window, or null when its series does not oscillate. */
export function unitOscillation(unit: string, points: readonly Point[], window: TimeWindow): Oscillation | null {
  const inside = pointsIn(points, window);
  if (inside.length < MIN_POINTS) return null;
  let best: Oscillation | null = null;
  for (const options of candidates(typicalMove(inside.map((p) => p.value)), inside.length, levelOf(inside))) {
    const found = detectOscillation(unit, inside, window, options);
    if (found.oscillating && (best === null || found.antiCorrelation! > best.antiCorrelation!)) best = found;
  }
  return best;
}

/** The two siblings' anti-phase within the window, or null when they do not take turns. */
export function pairAntiPhase(a: SiblingSeries, b: SiblingSeries, window: TimeWindow): AntiPhase | null {
  const [left, right] = aligned(pointsIn(a.points, window), pointsIn(b.points, window));
  if (left.length < MIN_POINTS) return null;
  const difference = left.map((p, i) => ({ at: p.at, value: p.value - right[i]!.value }));
  const level = (levelOf(left) + levelOf(right)) / 2;
  // As for a unit, the readings whose turns match the difference's cycle best come first.
  const ranked = candidates(typicalMove(difference.map((p) => p.value)), left.length, level)
    .map((options) => ({ options, analysis: analyseOscillation(difference, options) }))
    .filter((c) => c.analysis.oscillating)
    .sort((x, y) => y.analysis.antiCorrelation! - x.analysis.antiCorrelation!);
  for (const { options } of ranked) {
    const [found] = detectAntiPhase([a, b], window, { ...options, maxCorrelation: MAX_PAIR_CORRELATION });
    if (found) return found;
  }
  return null;
}
