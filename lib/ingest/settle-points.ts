import { stepAllCumulative, type CumulativeMemory, type CumulativePoint } from "./cumulative-rate";
import type { IngestCounts } from "./ingest-counts";
import { mergeCandidates, type Candidate } from "./merge-series";
import type { KeyedObservation } from "./observation";
import { reject, type Reject } from "./reject";

/** A point of a cumulative counter, waiting for its series' previous point to become a rate. */
export interface CumulativeCandidate extends KeyedObservation {
  kind: "cumulative";
  at: string;
  seriesKey: string;
  start?: number;
}

export type PendingPoint = Candidate | CumulativeCandidate;

export interface Settled {
  observations: KeyedObservation[];
  rejects: Reject[];
  merged: number;
  baseline: number;
  /** Cumulative memory entries to store for the next request. */
  memory: Map<string, CumulativePoint>;
}

/**
 * The last step shared by OTLP and remote-write: cumulative points become rates against the
 * memory (or baselines), then points of several series meeting at one (unit, indicator, time) are
 * merged into one observation.
 */
export function settlePoints(pending: readonly PendingPoint[], memory: CumulativeMemory): Settled {
  const cumulative = pending.filter((point): point is CumulativeCandidate => point.kind === "cumulative");
  const { steps, updated } = stepAllCumulative(
    cumulative.map(({ seriesKey, time, value, start }) => ({
      seriesKey,
      point: start === undefined ? { time, value } : { time, value, start },
    })),
    memory,
  );
  const rejects: Reject[] = [];
  const rates = new Map<CumulativeCandidate, number>();
  let baseline = 0;
  cumulative.forEach((point, index) => {
    const step = steps[index]!;
    if (step.kind === "baseline") baseline += 1;
    else if (Number.isFinite(step.value)) rates.set(point, step.value);
    else rejects.push(reject(point.at, "invalid_value", "the counter's rate is beyond the range of a number", point));
  });
  const candidates: Candidate[] = [];
  for (const point of pending) {
    if (point.kind !== "cumulative") candidates.push(point);
    else {
      const rate = rates.get(point);
      if (rate !== undefined)
        candidates.push({
          unitPath: point.unitPath,
          indicatorKey: point.indicatorKey,
          time: point.time,
          value: rate,
          kind: "rate",
          at: point.at,
        });
    }
  }
  const merged = mergeCandidates(candidates);
  return { observations: merged.observations, rejects: [...rejects, ...merged.rejects], merged: merged.merged, baseline, memory: updated };
}

/**
 * A metrics request read but not yet settled: the pipeline looks up the counter memory of the
 * cumulative series it names (`cumulativeSeries`), then settles it (`settleRequest`). Reading is
 * the expensive part and happens once.
 */
export interface UnsettledRequest {
  pending: PendingPoint[];
  rejects: Reject[];
  counts: IngestCounts;
}

export interface SettledRequest {
  observations: KeyedObservation[];
  rejects: Reject[];
  counts: IngestCounts;
  /** Changed cumulative memory entries, to store with the observations. */
  memory: Map<string, CumulativePoint>;
}

/** The distinct series keys of the request's cumulative points: the memory entries it needs. */
export function cumulativeSeries(request: UnsettledRequest): string[] {
  const keys = new Set<string>();
  for (const point of request.pending) if (point.kind === "cumulative") keys.add(point.seriesKey);
  return [...keys];
}

export function settleRequest(request: UnsettledRequest, memory: CumulativeMemory): SettledRequest {
  const settled = settlePoints(request.pending, memory);
  const rejects = request.rejects.slice();
  for (const entry of settled.rejects) rejects.push(entry);
  const counts = { ...request.counts, observations: settled.observations.length, merged: settled.merged, baseline: settled.baseline };
  counts.rejected = rejects.length;
  return { observations: settled.observations, rejects, counts, memory: settled.memory };
}
