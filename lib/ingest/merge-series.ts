import type { KeyedObservation } from "./observation";
import { reject, type Reject } from "./reject";

/**
 * Several series can map to one indicator: a metric with attributes or labels (`code="200"`,
 * `code="500"`), or the same counter from two instances of one unit. Telemetry of one collection
 * shares one timestamp, so their points meet at the same (unit, indicator, time) and must become
 * one observation (the store keys observations by indicator and time). Rates add up — the rate of
 * the whole unit; gauges are averaged — never outside the range that was measured, where a sum of
 * percentages would be. Merging happens within one request only: a scrape split over two
 * remote-write requests yields one observation per request for that time, and the later wins.
 */
export interface Candidate extends KeyedObservation {
  kind: "gauge" | "rate";
  /** The point's locator, for a reject when the merged value is not finite. */
  at: string;
}

export function mergeCandidates(candidates: readonly Candidate[]): { observations: KeyedObservation[]; merged: number; rejects: Reject[] } {
  // A group is its one candidate until a second arrives: most points meet no other series, and
  // this runs for every point of every request. Groups are found through maps by unit, indicator
  // and time (no key string made per point) and kept in the order they began.
  const groups: (Candidate | Candidate[])[] = [];
  const byUnit = new Map<string, Map<string, Map<number, number>>>();
  for (const candidate of candidates) {
    let byIndicator = byUnit.get(candidate.unitPath);
    if (byIndicator === undefined) byUnit.set(candidate.unitPath, (byIndicator = new Map()));
    let byTime = byIndicator.get(candidate.indicatorKey);
    if (byTime === undefined) byIndicator.set(candidate.indicatorKey, (byTime = new Map()));
    const index = byTime.get(candidate.time);
    if (index === undefined) {
      byTime.set(candidate.time, groups.length);
      groups.push(candidate);
      continue;
    }
    const group = groups[index]!;
    if (Array.isArray(group)) group.push(candidate);
    else groups[index] = [group, candidate];
  }
  const observations: KeyedObservation[] = [];
  const rejects: Reject[] = [];
  let merged = 0;
  for (const entry of groups) {
    const first = Array.isArray(entry) ? entry[0]! : entry;
    const value = Array.isArray(entry) ? combine(entry) : entry.value;
    if (Number.isFinite(value)) {
      observations.push({ unitPath: first.unitPath, indicatorKey: first.indicatorKey, time: first.time, value });
      if (Array.isArray(entry)) merged += entry.length - 1;
    } else {
      const group = Array.isArray(entry) ? entry : [entry];
      const observation = { unitPath: first.unitPath, indicatorKey: first.indicatorKey, time: first.time };
      for (const { at } of group)
        rejects.push(
          reject(
            at,
            "invalid_value",
            `the ${group.length} series of this indicator at this time add up beyond the range of a number`,
            observation,
          ),
        );
    }
  }
  return { observations, merged, rejects };
}

/** Sum when every point is a rate, otherwise the mean; the mean divides first so it cannot overflow. */
function combine(group: readonly Candidate[]): number {
  if (group.length === 1) return group[0]!.value;
  if (group.every((candidate) => candidate.kind === "rate")) return group.reduce((sum, candidate) => sum + candidate.value, 0);
  return group.reduce((mean, candidate) => mean + candidate.value / group.length, 0);
}
