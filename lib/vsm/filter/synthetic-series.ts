import { poisson, type Random } from "@/lib/vsm/random";
import { DAY, MINUTE, type Millis } from "@/lib/vsm/types";

/**
 * Seeded test and benchmark series: noise of standard deviation σ around a level, optionally a
 * daily cycle, irregular sampling and one change. Sizes are in units of σ (the noise's marginal
 * sd, whatever its kind); `at` is the 1-based point where the change first shows.
 */
export type Change =
  { kind: "step"; at: number; size: number } | { kind: "slope"; at: number; size: number } | { kind: "outlier"; at: number; size: number };

/**
 * Kinds of noise real telemetry shows: independent normal; autocorrelated (AR(1) with lag-one
 * correlation φ); heavy-tailed (Student t with ν degrees of freedom, scaled to unit variance);
 * quantised counts (Poisson with mean λ about the level, in whole units; σ is then ignored).
 */
export type Noise = { kind: "normal" } | { kind: "ar"; phi: number } | { kind: "student"; dof: number } | { kind: "poisson"; mean: number };

export interface SeriesOptions {
  length: number;
  level?: number;
  sigma?: number;
  noise?: Noise;
  /** Typical interval between points (default one minute); with `irregular`, intervals vary around it. */
  interval?: Millis;
  /** Irregular sampling: each interval is drawn uniformly from 0.5–1.5 typical intervals, and a gap of up to `gap` intervals follows a point with this probability. */
  irregular?: { gapProbability: number; gap: number };
  /** A daily cycle of this amplitude (in σ): a sine, or a square wave (half the day up). */
  daily?: { amplitude: number; shape: "sine" | "square" };
  change?: Change;
}

export interface Series {
  times: Millis[];
  values: number[];
}

export function syntheticSeries(random: Random, options: SeriesOptions): Series {
  const { length, level = 100, sigma = 1, noise = { kind: "normal" }, interval = MINUTE, irregular, daily, change } = options;
  const next = noiseSource(random, noise);
  const times: Millis[] = [];
  const values: number[] = [];
  let time = 0;
  for (let point = 1; point <= length; point++) {
    time += irregular
      ? interval * (0.5 + random.next() + (random.next() < irregular.gapProbability ? irregular.gap * random.next() : 0))
      : interval;
    const cycle = daily ? daily.amplitude * cyclePhase(time, daily.shape) : 0;
    const base = noise.kind === "poisson" ? level + next() : level + sigma * next();
    const value = base + sigma * (cycle + shift(change, point));
    times.push(Math.round(time));
    // Counts stay whole numbers, changes included.
    values.push(noise.kind === "poisson" ? Math.round(value) : value);
  }
  return { times, values };
}

/** A unit-variance (or, for counts, whole-unit) noise generator of the given kind. */
function noiseSource(random: Random, noise: Noise): () => number {
  switch (noise.kind) {
    case "normal":
      return () => random.normal();
    case "ar": {
      // Innovations of sd √(1 − φ²) keep the marginal sd at 1; the first value is drawn from the stationary distribution.
      const innovation = Math.sqrt(1 - noise.phi * noise.phi);
      let previous = random.normal();
      return () => (previous = noise.phi * previous + innovation * random.normal());
    }
    case "student": {
      const scale = Math.sqrt((noise.dof - 2) / noise.dof);
      return () => {
        let chiSquare = 0;
        for (let i = 0; i < noise.dof; i++) chiSquare += random.normal() ** 2;
        return (scale * random.normal()) / Math.sqrt(chiSquare / noise.dof);
      };
    }
    case "poisson":
      return () => poisson(random, noise.mean) - noise.mean;
  }
}

function cyclePhase(time: Millis, shape: "sine" | "square"): number {
  const phase = (time % DAY) / DAY;
  return shape === "sine" ? Math.sin(2 * Math.PI * phase) : phase < 0.5 ? 1 : 0;
}

/** The change's displacement (in σ) at a 1-based point. */
function shift(change: Change | undefined, point: number): number {
  if (!change || point < change.at) return 0;
  if (change.kind === "step") return change.size;
  if (change.kind === "slope") return change.size * (point - change.at + 1);
  return point === change.at ? change.size : 0;
}
