import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent } from "@/lib/vsm/filter/filter-output";
import { syntheticSeries, type SeriesOptions } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/**
 * The filter's acceptance criteria (docs/domain.md, "What the filter promises"), each a check of
 * one seeded series, counted over many seeds: acceptance-criteria.test.ts asserts the rates and
 * `npx tsx lib/bench/criteria.ts` prints them over more seeds with the failing seeds. Sizes are in
 * σ of the noise; the series is level 100, one point a minute, the indicator good when up.
 */

export interface Tally {
  name: string;
  passed: number;
  total: number;
  failures: number[];
}

interface Event extends ChangeEvent {
  /** 1-based point at which the filter reported it (an event may be dated earlier). */
  at: number;
  /** The episode in progress after that point. */
  episodeKind: string | null;
}

/** Every event the filter reports on a series, with the point it came at. */
export function eventsOf(options: SeriesOptions, seed: number, params: FilterParams): Event[] {
  const { times, values } = syntheticSeries(seededRandom(seed), options);
  const state = createFilterState();
  const events: Event[] = [];
  values.forEach((value, index) => {
    const output = updateFilter(state, times[index]!, value, params);
    if (output.phase === "skipped") return;
    const episodeKind = output.phase === "filtering" && output.episode ? output.episode.kind : null;
    for (const event of output.events) events.push({ ...event, at: index + 1, episodeKind });
  });
  return events;
}

function tally(name: string, seeds: number, check: (seed: number) => boolean): Tally {
  const failures: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) if (!check(seed)) failures.push(seed);
  return { name, passed: seeds - failures.length, total: seeds, failures };
}

const pages = (events: readonly Event[]) => events.filter((e) => e.type === "confirmed");

/** (a) 500 points of normal noise: nothing pages. */
export function quietOnNoise(params: FilterParams, seeds: number): Tally {
  return tally("500 points of normal noise page nobody", seeds, (seed) => pages(eventsOf({ length: 500 }, seed, params)).length === 0);
}

/** (b) A ±size σ step at point 200 pages within `within` points, with the valence of its direction. */
export function stepPaged(params: FilterParams, seeds: number, size: number, within = 2): Tally {
  return tally(`a ${size > 0 ? "+" : ""}${size}σ step pages within ${within} points, the right way`, seeds, (seed) => {
    const events = eventsOf({ length: 200 + within, change: { kind: "step", at: 200, size } }, seed, params);
    const valence = size > 0 ? "pleasure" : "pain";
    return pages(events).some((e) => e.at >= 200 && e.valence === valence) && !pages(events).some((e) => e.valence !== valence);
  });
}

/** (c) A single ±size σ outlier at point 200 is annotated as a transient and pages nobody. */
export function outlierNotPaged(params: FilterParams, seeds: number, size: number): Tally {
  return tally(`a ${size > 0 ? "+" : ""}${size}σ outlier is annotated as a transient and pages nobody`, seeds, (seed) => {
    const events = eventsOf({ length: 210, change: { kind: "outlier", at: 200, size } }, seed, params);
    return events.some((e) => e.type === "annotated" && e.kind === "transient" && e.point === 200) && pages(events).length === 0;
  });
}

/** (d) A ±size σ/point ramp from point 200 pages once, within `within` points, and its episode is a slope 30 points in. */
export function rampOneSlope(params: FilterParams, seeds: number, size: number, within = 10): Tally {
  return tally(`a ${size > 0 ? "+" : ""}${size}σ/point ramp pages once within ${within} points, as one slope episode`, seeds, (seed) => {
    const events = eventsOf({ length: 230, change: { kind: "slope", at: 200, size } }, seed, params);
    const paged = pages(events);
    const last = events.filter((e) => e.episodeKind !== null).at(-1);
    return (
      paged.length === 1 &&
      paged[0]!.at <= 200 + within &&
      paged[0]!.valence === (size > 0 ? "pleasure" : "pain") &&
      last?.episodeKind === "slope"
    );
  });
}

/** Pages per 1,000 points over `seeds` series of the given options (no change). */
export function pageRate(params: FilterParams, seeds: number, options: SeriesOptions): number {
  let paged = 0;
  for (let seed = 1; seed <= seeds; seed++) paged += pages(eventsOf(options, seed, params)).length;
  return (1000 * paged) / (seeds * options.length);
}

/** The options of the two noise criteria: AR(1) φ 0.8 one point a minute, and a 3σ daily sine every five minutes for two weeks. */
export const AUTOCORRELATED: SeriesOptions = { length: 1000, noise: { kind: "ar", phi: 0.8 } };
export const DAILY: SeriesOptions = { length: (14 * 24 * 60) / 5, interval: 5 * MINUTE, daily: { amplitude: 3, shape: "sine" } };
