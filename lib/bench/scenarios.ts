import type { Change } from "@/lib/vsm/filter/synthetic-series";
import type { Random } from "@/lib/vsm/random";

/**
 * The detection benchmark's scenarios. Every series is level 100 + N(0, σ=1) noise; magnitudes
 * are in σ and drawn per series so no detector can be tuned to one exact size. The change point
 * is drawn from 150–250 so it always falls well after warm-up and the trailing window.
 */
export type ScenarioName = "steady" | "step" | "slope" | "outlier";

export interface Scenario {
  name: ScenarioName;
  /** What the table says about the magnitudes. */
  description: string;
  length: number;
  /** Points after the change within which a detection counts; later is a miss. */
  horizon: number;
  change(random: Random): Change | undefined;
}

const uniform = (random: Random, low: number, high: number) => low + (high - low) * random.next();
const sign = (random: Random) => (random.next() < 0.5 ? -1 : 1);
const changePoint = (random: Random) => 150 + Math.floor(random.next() * 101);

export const SCENARIOS: readonly Scenario[] = [
  { name: "steady", description: "noise only, 1,000 points", length: 1000, horizon: 0, change: () => undefined },
  {
    name: "step",
    description: "level shift of 3–6σ, either sign",
    length: 300,
    horizon: 20,
    change: (r) => ({ kind: "step", at: changePoint(r), size: sign(r) * uniform(r, 3, 6) }),
  },
  {
    name: "slope",
    description: "ramp of 0.5–2σ per point, either sign",
    length: 300,
    horizon: 30,
    change: (r) => ({ kind: "slope", at: changePoint(r), size: sign(r) * uniform(r, 0.5, 2) }),
  },
  {
    name: "outlier",
    description: "one point 6–12σ off, either sign",
    length: 300,
    horizon: 0,
    change: (r) => ({ kind: "outlier", at: changePoint(r), size: sign(r) * uniform(r, 6, 12) }),
  },
];
