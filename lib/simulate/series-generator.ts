import type { SeriesProfile } from "@/lib/simulate/series-profile";
import { poisson, type Random } from "@/lib/vsm/random";
import { DAY, HOUR } from "@/lib/vsm/types";

/** The daily cycle peaks mid-afternoon (15:00 UTC of simulated time) and bottoms out at night. */
const PEAK = 15 * HOUR;
/** Share of noise draws that come from a wider distribution: the heavy tail of a waiting time. */
const TAIL_SHARE = 0.02;
const TAIL_WIDTH = 3;

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * One indicator's quiet behaviour, point by point: the level with its daily cycle, times what an
 * incident does to it, plus autocorrelated noise of the profile's shape. Deterministic for a given
 * random source, so a seed replays the same run.
 */
export class SeriesGenerator {
  private innovation = 0;
  /** The cumulative count a counter reports (requests since the process started). */
  private total = 0;

  constructor(
    readonly profile: SeriesProfile,
    private readonly random: Random,
  ) {}

  /** The value at simulated time `simTime`, with the incident's `factor` on the level. */
  value(simTime: number, factor = 1): number {
    const p = this.profile;
    const cycle = 1 + p.diurnal * Math.cos((2 * Math.PI * (((simTime - PEAK) % DAY) + DAY)) / DAY);
    const level = p.level * cycle * factor;
    const shock = this.random.next() < TAIL_SHARE ? TAIL_WIDTH * this.random.normal() : this.random.normal();
    this.innovation = p.persistence * this.innovation + Math.sqrt(1 - p.persistence ** 2) * shock;
    let value: number;
    if (p.shape === "counts") value = poisson(this.random, level);
    else if (p.shape === "heavy-tailed") value = level * Math.exp(p.noise * this.innovation);
    else value = level * (1 + p.noise * this.innovation);
    return round(Math.min(p.max, Math.max(p.min, value)), p.decimals);
  }

  /**
   * A counter's next cumulative value: `rate` per second over `seconds` of real time (the clock
   * the receiver rates it by), in whole events, as a process's request counter would report.
   */
  count(rate: number, seconds: number): number {
    this.total += Math.max(0, rate) * seconds;
    return Math.round(this.total);
  }
}
