/**
 * Counters become rates per second (docs/design.md §4). A cumulative counter's rate needs the previous
 * point of the same series, which may have arrived in an earlier request, so the memory is a value
 * passed in and handed back: the pipeline loads the entries for the series in a request, and
 * stores the updated ones in the same transaction as the observations. Nothing lives in process
 * memory, so any instance can take any request (docs/design.md §7).
 */

/** The last point of one cumulative series: epoch ms, the counter's value, and its start (ms) when the protocol says (OTLP). */
export interface CumulativePoint {
  time: number;
  value: number;
  start?: number;
}

/** Series key → last point. Keys are `source:fingerprint`, stable across requests. */
export type CumulativeMemory = ReadonlyMap<string, CumulativePoint>;

export type RateStep =
  | { kind: "rate"; value: number }
  /**
   * No rate from this point. first: nothing earlier to compare with; reset: the counter went down
   * or restarted, so this point is the new baseline (never a negative rate); repeat: the same time
   * as the last point (a resent batch); out_of_order: older than the last point, which stays.
   */
  | { kind: "baseline"; reason: "first" | "reset" | "repeat" | "out_of_order" };

export function stepCumulative(previous: CumulativePoint | undefined, point: CumulativePoint): { step: RateStep; next: CumulativePoint } {
  if (previous === undefined) return { step: { kind: "baseline", reason: "first" }, next: point };
  if (point.time === previous.time) return { step: { kind: "baseline", reason: "repeat" }, next: previous };
  if (point.time < previous.time) return { step: { kind: "baseline", reason: "out_of_order" }, next: previous };
  const restarted = point.start !== undefined && previous.start !== undefined && point.start > previous.start;
  if (restarted || point.value < previous.value) {
    // OTLP says when the counter restarted from zero: if that was after the previous point, the
    // whole value accrued since then and the rate is exact. Otherwise start afresh.
    const start = point.start;
    if (start !== undefined && start >= previous.time && start < point.time) {
      return { step: { kind: "rate", value: point.value / ((point.time - start) / 1000) }, next: point };
    }
    return { step: { kind: "baseline", reason: "reset" }, next: point };
  }
  return { step: { kind: "rate", value: (point.value - previous.value) / ((point.time - previous.time) / 1000) }, next: point };
}

/**
 * Steps many points of many series at once. Points of one series are taken in time order whatever
 * their order in the request (remote-write repeats a series within a request). Returns one step per
 * input, in input order, and the memory entries that changed. A rate is not checked for being
 * finite here (a counter jumping by 1e308 in a millisecond overflows): the caller rejects it.
 */
export function stepAllCumulative(
  inputs: readonly { seriesKey: string; point: CumulativePoint }[],
  memory: CumulativeMemory,
): { steps: RateStep[]; updated: Map<string, CumulativePoint> } {
  const order = inputs.map((_, index) => index).sort((a, b) => inputs[a]!.point.time - inputs[b]!.point.time);
  const steps = new Array<RateStep>(inputs.length);
  const updated = new Map<string, CumulativePoint>();
  for (const index of order) {
    const { seriesKey, point } = inputs[index]!;
    const previous = updated.get(seriesKey) ?? memory.get(seriesKey);
    const { step, next } = stepCumulative(previous, point);
    steps[index] = step;
    if (next !== previous) updated.set(seriesKey, next);
  }
  return { steps, updated };
}
