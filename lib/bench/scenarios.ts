import type { Change, SeriesOptions } from "@/lib/vsm/filter/synthetic-series";
import type { Random } from "@/lib/vsm/random";
import { DAY, MINUTE } from "@/lib/vsm/types";

/**
 * The detection benchmark's scenarios. Magnitudes are in σ, the noise's marginal sd, and drawn per
 * series so no detector can be tuned to one exact size; change points fall well after the
 * warm-up and the rule's trailing window.
 */
export interface Scenario {
  name: string;
  description: string;
  /** Which table it belongs to: changes on normal noise, or a kind of noise (false alarms, and a step on top). */
  table: "changes" | "noise";
  /** Share of the benchmark's series count to run (long series run fewer). */
  share: number;
  /** Points after the change within which a detection counts (0: no change, or not a detection scenario). */
  horizon: number;
  options(random: Random): SeriesOptions & { change?: Change };
}

const uniform = (random: Random, low: number, high: number) => low + (high - low) * random.next();
const sign = (random: Random) => (random.next() < 0.5 ? -1 : 1);
const changePoint = (random: Random, from: number, to: number) => from + Math.floor(random.next() * (to - from + 1));
const step = (random: Random, from: number, to: number): Change => ({
  kind: "step",
  at: changePoint(random, from, to),
  size: sign(random) * 5,
});

const changes: Scenario[] = [
  {
    name: "steady",
    description: "normal noise only, 1,000 points",
    table: "changes",
    share: 1,
    horizon: 0,
    options: () => ({ length: 1000 }),
  },
  {
    name: "step",
    description: "level shift of 3–6σ, either sign; detected within 20 points, the right way",
    table: "changes",
    share: 1,
    horizon: 20,
    options: (r) => ({ length: 300, change: { kind: "step", at: changePoint(r, 150, 250), size: sign(r) * uniform(r, 3, 6) } }),
  },
  {
    name: "slope",
    description: "ramp of 0.5–2σ per point, either sign; detected within 30 points, the right way",
    table: "changes",
    share: 1,
    horizon: 30,
    options: (r) => ({ length: 300, change: { kind: "slope", at: changePoint(r, 150, 250), size: sign(r) * uniform(r, 0.5, 2) } }),
  },
  {
    name: "outlier",
    description: "one point 6–12σ off, either sign",
    table: "changes",
    share: 1,
    horizon: 0,
    options: (r) => ({ length: 300, change: { kind: "outlier", at: changePoint(r, 150, 250), size: sign(r) * uniform(r, 6, 12) } }),
  },
];

/** A noise kind as two scenarios: the noise alone (false alarms) and a ±5σ step on it (detected within 20 points). */
function noiseKind(
  name: string,
  description: string,
  share: number,
  base: Omit<SeriesOptions, "change">,
  stepFrom: number,
  stepTo: number,
): Scenario[] {
  return [
    {
      name,
      description: `${description}, ${base.length.toLocaleString("en")} points`,
      table: "noise",
      share,
      horizon: 0,
      options: () => base,
    },
    {
      name: `${name} + step`,
      description: "±5σ step",
      table: "noise",
      share,
      horizon: 20,
      options: (r) => ({ ...base, change: step(r, stepFrom, stepTo) }),
    },
  ];
}

const fiveMinutes = 5 * MINUTE;
const twoWeeks = (14 * DAY) / fiveMinutes;

const noises: Scenario[] = [
  ...noiseKind("AR(1) φ 0.5", "autocorrelated noise, one point a minute", 1, { length: 1000, noise: { kind: "ar", phi: 0.5 } }, 500, 900),
  ...noiseKind("AR(1) φ 0.8", "autocorrelated noise, one point a minute", 1, { length: 1000, noise: { kind: "ar", phi: 0.8 } }, 500, 900),
  ...noiseKind("Student t(3)", "heavy-tailed noise, unit variance", 1, { length: 1000, noise: { kind: "student", dof: 3 } }, 500, 900),
  ...noiseKind(
    "daily sine",
    "3σ daily cycle plus normal noise, every 5 minutes",
    0.2,
    { length: twoWeeks, interval: fiveMinutes, daily: { amplitude: 3, shape: "sine" } },
    2600,
    3900,
  ),
  ...noiseKind(
    "daily square",
    "3σ square daily cycle (on half the day) plus normal noise, every 5 minutes",
    0.2,
    { length: twoWeeks, interval: fiveMinutes, daily: { amplitude: 3, shape: "square" } },
    2600,
    3900,
  ),
  ...noiseKind(
    "counts λ 3",
    "Poisson counts of mean 3 (σ = √3)",
    1,
    { length: 1000, level: 3, sigma: Math.sqrt(3), noise: { kind: "poisson", mean: 3 } },
    500,
    900,
  ),
  ...noiseKind(
    "counts λ 0.2",
    "zero-heavy Poisson counts of mean 0.2 (σ = √0.2)",
    1,
    { length: 1000, level: 0.2, sigma: Math.sqrt(0.2), noise: { kind: "poisson", mean: 0.2 } },
    500,
    900,
  ),
  ...noiseKind(
    "irregular",
    "normal noise at 0.5–1.5 minute intervals, with 2% gaps of up to an hour",
    1,
    { length: 1000, irregular: { gapProbability: 0.02, gap: 60 } },
    500,
    900,
  ),
];

export const SCENARIOS: readonly Scenario[] = [...changes, ...noises];
